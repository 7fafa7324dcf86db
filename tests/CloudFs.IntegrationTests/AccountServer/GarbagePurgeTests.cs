using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>Queue rows past the reclaim age are forgotten when a collector's pass starts, not on later pages.</summary>
public sealed class GarbagePurgeTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    // Every queued row is past the reclaim age at once.
    protected override string[] ExtraArgs => ["--AccountServer:GarbageReclaimSeconds=0"];

    [Test]
    public async Task Claim_FirstPageOnly_PurgesOldRows()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "o", 1);
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/o", Backend.Owner);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage"), Is.EqualTo(1));

        await StatusAsync(HttpMethod.Post, "/garbage/claim?marker=0", Backend.Admin);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage"), Is.EqualTo(1), "a later page purges nothing");

        await StatusAsync(HttpMethod.Post, "/garbage/claim", Backend.Admin);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage"), Is.Zero, "the first page of a pass purges");
    }
}
