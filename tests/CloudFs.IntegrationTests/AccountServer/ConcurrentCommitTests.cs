using System.Net;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>
/// Commits of one object name at once. On MariaDB a commit that read the name as free could find
/// it taken at its insert (READ COMMITTED locks no missing row); it then kept the other commit's
/// row, rewrote its metadata, counted one object more and left its own blob unnamed and unqueued.
/// One account server's group commit runs its writes one after another; <see cref="ConcurrentCommitWithoutGroupsTests"/>
/// runs them in transactions of their own.
/// </summary>
public class ConcurrentCommitTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [Test]
    public async Task Commit_SameNameAtOnce_OneRowCountedOnce_EveryOtherBlobQueued()
    {
        await CreateContainerAsync("c");
        var blobs = Enumerable.Range(0, 16).Select(_ => Backend.NewBlobId()).ToList();

        var statuses = await Task.WhenAll(blobs.Select((blob, i) =>
            StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/same", Backend.Owner, Backend.Commit(blob, 100 + i))));

        // 409: a commit stamped before one that was applied first loses, as in Swift.
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict));
        var size = await ScalarAsync<long>("SELECT size FROM stobj WHERE type = 'object' AND name = 'same'");
        var kept = await ScalarAsync<string>("SELECT blob_id FROM stobj WHERE type = 'object' AND name = 'same'");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'object'"), Is.EqualTo(1));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(1), "one row, counted once");
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(size), "the usage is the surviving row's size");
        Assert.That(size, Is.EqualTo(100 + blobs.IndexOf(kept)), "the row's size and blob come from the same commit");
        Assert.That(statuses[blobs.IndexOf(kept)], Is.EqualTo(HttpStatusCode.Created));
        // Every other body, replaced or refused, is queued for the collector; the kept one is not.
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage WHERE blob_id = @Kept", new { Kept = kept }), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(DISTINCT blob_id) FROM garbage"), Is.EqualTo(blobs.Count - 1),
            "a blob no row names and nobody queued stays on disk until fsck");
    }
}

/// <summary>
/// The same commits, each in a transaction of its own (Catalog:GroupCommit off, as with several
/// account servers on one database). The container's quota row, locked by each commit's first
/// reads, makes them wait for each other there; the row count, usage and queue must come out the same.
/// </summary>
public sealed class ConcurrentCommitWithoutGroupsTests(CatalogProvider provider) : ConcurrentCommitTests(provider)
{
    protected override string[] ExtraArgs => ["--Catalog:GroupCommit=false"];
}
