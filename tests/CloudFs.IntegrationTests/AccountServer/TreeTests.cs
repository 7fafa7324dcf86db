using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>Catalog-only move and copy of objects and directories.</summary>
public sealed class TreeTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [SetUp]
    public async Task CreateTreeAsync()
    {
        await CreateContainerAsync("c");
        await CreateContainerAsync("d");
        await PutObjectAsync("c", "src/a", 1, null, ("X-Object-Meta-Color", "red"));
        await PutObjectAsync("c", "src/sub/b", 2);
        await PutObjectAsync("c", "src/sub/deeper/c", 4);
        await PutObjectAsync("c", "src-not-below", 8);
    }

    [Test]
    public async Task MoveDirectory_SameContainer_RewritesEveryPathInOneStep()
    {
        using var response = await TreeAsync("move", "c/src/", "/c/dst/here");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((long?)body["objects"], Is.EqualTo(3));
        Assert.That(await PathsAsync(), Is.EqualTo(new[] { "dst/here/a", "dst/here/sub/b", "dst/here/sub/deeper/c", "src-not-below" }));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'directory' AND path LIKE 'src%'"), Is.Zero, "the emptied source is gone");
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(15));
    }

    [Test]
    public async Task MoveDirectory_ThenACommitUnderItsOldName_MakesTheDirectoryAgain_AndLeavesTheMovedObject()
    {
        // On MariaDB the commit guesses src/sub's id from where it was found last: now dst/here/sub's, where a 'b' lives.
        Assert.That((await TreeAsync("move", "c/src/", "/c/dst/here")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await PutObjectAsync("c", "src/sub/b", 16), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await PathsAsync(), Is.EqualTo(new[] { "dst/here/a", "dst/here/sub/b", "dst/here/sub/deeper/c", "src-not-below", "src/sub/b" }));
        Assert.That(await ScalarAsync<long>("SELECT size FROM stobj WHERE type = 'object' AND path = 'dst/here/sub/b'"), Is.EqualTo(2));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(5));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(31));
    }

    [Test]
    public async Task MoveDirectory_ThenADeleteUnderItsOldName_Answers404_AndLeavesTheMovedObject()
    {
        Assert.That((await TreeAsync("move", "c/src/", "/c/dst/here")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/src/sub/b", Backend.Owner), Is.EqualTo(HttpStatusCode.NotFound));

        Assert.That(await PathsAsync(), Is.EqualTo(new[] { "dst/here/a", "dst/here/sub/b", "dst/here/sub/deeper/c", "src-not-below" }));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(4));
    }

    [Test]
    public async Task MoveDirectory_OtherContainer_MovesUsage()
    {
        Assert.That((await TreeAsync("move", "c/src", "/d/moved")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(8));
        Assert.That(await UsedObjectsAsync("d"), Is.EqualTo(3));
        Assert.That(await UsedBytesAsync("d"), Is.EqualTo(7));
    }

    [Test]
    public async Task MoveDirectory_IntoItself_Answers409()
    {
        Assert.That((await TreeAsync("move", "c/src/", "/c/src/sub/x")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await PathsAsync(), Has.Member("src/a"));
    }

    [Test]
    public async Task Move_DestinationExists_Answers409()
    {
        await PutObjectAsync("c", "taken", 1);

        Assert.That((await TreeAsync("move", "c/src-not-below", "/c/taken")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task MoveObject_KeepsBlobAndMetadata()
    {
        var blob = await ScalarAsync<string>("SELECT blob_id FROM stobj WHERE name = 'a' AND type = 'object'");

        Assert.That((await TreeAsync("move", "c/src/a", "/c/renamed")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await ScalarAsync<string>("SELECT blob_id FROM stobj WHERE name = 'renamed'"), Is.EqualTo(blob));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM metadata m JOIN stobj s ON s.id = m.stobj_id WHERE s.name = 'renamed'"), Is.EqualTo(1));
    }

    [Test]
    public async Task CopyDirectory_SharesBlobsAndAddsUsage()
    {
        using var response = await TreeAsync("copy", "c/src/", "/d/copy");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await UsedObjectsAsync("d"), Is.EqualTo(3));
        Assert.That(await UsedBytesAsync("d"), Is.EqualTo(7));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(15), "the source is untouched");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(DISTINCT blob_id) FROM stobj WHERE type = 'object'"), Is.EqualTo(4), "no blob copied");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'object'"), Is.EqualTo(7));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM metadata m JOIN stobj s ON s.id = m.stobj_id WHERE s.path = 'copy/a'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Copy_ThenDeleteOriginal_KeepsSharedBlobOutOfGarbageCollection()
    {
        await TreeAsync("copy", "c/src/", "/c/twin");
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/src", Backend.Owner, ("X-Backend-Recursive", "true"));

        // The garbage table lists candidates; the collector frees only blobs nothing names.
        var stillNamed = await ScalarAsync<long>("SELECT COUNT(*) FROM garbage g WHERE EXISTS (SELECT 1 FROM stobj s WHERE s.blob_id = g.blob_id)");
        Assert.That(stillNamed, Is.EqualTo(3));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(15));
    }

    [Test]
    public async Task CopyDirectory_OverQuota_Answers413AndCopiesNothing()
    {
        await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/d", Backend.Owner, ("X-Container-Meta-Quota-Count", "2"));

        Assert.That((await TreeAsync("copy", "c/src/", "/d/copy")).StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await UsedObjectsAsync("d"), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'object'"), Is.EqualTo(4));
    }

    [Test]
    public async Task Move_RecordsTheOperation()
    {
        await TreeAsync("move", "c/src/", "/c/dst");

        Assert.That(await ScalarAsync<string>("SELECT detail FROM record WHERE action = 'directory.move'"), Is.EqualTo("/c/dst (3 objects)"));
    }

    [Test]
    public async Task Move_Missing_Answers404() =>
        Assert.That((await TreeAsync("move", "c/nothing", "/c/x")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

    private Task<HttpResponseMessage> TreeAsync(string verb, string source, string destination) =>
        SendAsync(HttpMethod.Post, $"/{verb}/d1/0/AUTH_test/{source}", Backend.Owner, ("X-Backend-Destination", destination));

    private async Task<string[]> PathsAsync()
    {
        await using var database = new CatalogDatabase(Options);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var sql = Provider == CatalogProvider.MySql
            ? "SELECT CONVERT(path USING utf8mb4) FROM stobj WHERE type = 'object' ORDER BY path"
            : "SELECT path FROM stobj WHERE type = 'object' ORDER BY path";
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, sql)).ToArray();
    }
}
