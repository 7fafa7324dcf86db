using System.Net;
using System.Net.Http.Json;
using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using Dapper;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>
/// A large object's pieces leave with its row: a DELETE, or an overwrite, queues the blobs they
/// named for the collector and takes the object out of the usage once. On MariaDB a DELETE reads
/// the pieces and locks the quota rows with its first reads, at the place it guessed from the
/// commit before it; the pieces must be the ones of the row it removes.
/// </summary>
public sealed class CompositeRemovalTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [Test]
    public async Task Delete_OfALargeObject_QueuesItsManifestAndPieces_AndLeavesNoUsage()
    {
        await CreateContainerAsync("c");
        var (manifest, pieces) = await PutCompositeAsync("c", "dir/big");
        var other = await PutCompositeAsync("c", "dir/other");

        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/dir/big", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await QueuedAsync(), Is.EquivalentTo(pieces.Append(manifest)), "the other object's blobs stay unqueued");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM segment"), Is.EqualTo(other.Pieces.Count));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(1));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(ManifestBytes));
    }

    [Test]
    public async Task Overwrite_OfALargeObject_QueuesItsManifestAndPieces()
    {
        await CreateContainerAsync("c");
        var (manifest, pieces) = await PutCompositeAsync("c", "dir/big");

        Assert.That(await PutObjectAsync("c", "dir/big", 7), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await QueuedAsync(), Is.EquivalentTo(pieces.Append(manifest)));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM segment"), Is.Zero);
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(7));
    }

    private const long ManifestBytes = 300;

    // A static large object as the proxy commits it: its manifest's blob, and pieces in blobs of their own.
    private async Task<(string Manifest, IReadOnlyList<string> Pieces)> PutCompositeAsync(string container, string name)
    {
        var manifest = Backend.NewBlobId();
        var pieces = new[] { Backend.NewBlobId(), Backend.NewBlobId() };
        using var request = Backend.Request(HttpMethod.Put, $"/d1/0/AUTH_test/{container}/{name}", Backend.Owner,
            Backend.Commit(manifest, ManifestBytes, ("X-Backend-Composite", "1")));
        request.Content = JsonContent.Create(new CompositeBody(2048, "0123456789abcdef0123456789abcdef",
            pieces.Select(blob => new SegmentRef(blob, 0, 0, 1024, 1024)).ToList()));
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (manifest, pieces);
    }

    private Task<IReadOnlyList<string>> QueuedAsync() => QueryAsync<string>("SELECT blob_id FROM garbage");
}
