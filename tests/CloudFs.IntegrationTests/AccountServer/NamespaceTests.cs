using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace CloudFs.IntegrationTests.AccountServer;

public sealed class NamespaceTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [Test]
    public async Task ContainerPut_Twice_Answers201Then202()
    {
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task ContainerPut_MissingAccount_Answers404() =>
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_nobody/c", Backend.Admin), Is.EqualTo(HttpStatusCode.NotFound));

    [Test]
    public async Task ContainerPut_OtherAccountsOwnerOrMember_Answers403()
    {
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.OtherOwner), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Member), Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task ContainerDelete_NotEmptyThenEmpty_Answers409Then204()
    {
        await CreateContainerAsync("c");
        Assert.That(await PutObjectAsync("c", "a/b/o", 5), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/a/b/o", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ObjectCommit_NestedName_CreatesDirectoriesAndPrunesThemOnDelete()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "x/y/z.txt", 3);

        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'directory'"), Is.EqualTo(2));
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/x/y/z.txt", Backend.Owner);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'directory'"), Is.Zero);
    }

    [Test]
    public async Task ObjectCommit_ObjectAndDirectoryOfOneName_Coexist()
    {
        await CreateContainerAsync("c");

        Assert.That(await PutObjectAsync("c", "a/b", 1), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await PutObjectAsync("c", "a/b/c", 1), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await PutObjectAsync("c", "a/b/", 0), Is.EqualTo(HttpStatusCode.Created), "explicit directory marker");
        Assert.That(await PutObjectAsync("c", "a//odd", 1), Is.EqualTo(HttpStatusCode.Created), "empty segment");

        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(4));
    }

    [Test]
    public async Task ObjectCommit_Overwrite_ReplacesBlobAndQueuesOldOne()
    {
        await CreateContainerAsync("c");
        var first = Backend.NewBlobId();
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner, Backend.Commit(first, 10));

        using var response = await SendAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner, Backend.Commit(Backend.NewBlobId(), 4));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((string?)body["replaced_blob_id"], Is.EqualTo(first));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage WHERE blob_id = @B", new { B = first }), Is.EqualTo(1));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(4));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(1));
    }

    [Test]
    public async Task ObjectCommit_OlderTimestamp_Answers409AndKeepsNewer()
    {
        await CreateContainerAsync("c");
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner, Backend.Commit(Backend.NewBlobId(), 10, ("X-Timestamp", "2000000000.00000")));

        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner, Backend.Commit(Backend.NewBlobId(), 4, ("X-Timestamp", "1999999999.00000")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(10));
    }

    [Test]
    public async Task ObjectCommit_SentTwice_TheRepeatChangesNothingAndSucceeds()
    {
        // A commit whose answer was lost with its database node is sent again (or replayed from
        // the journal): it must neither count twice nor hand its own live blob to the collector.
        await CreateContainerAsync("c");
        var blob = Backend.NewBlobId();
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner, Backend.Commit(blob, 10, ("X-Timestamp", "2000000000.00000")));

        var again = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner, Backend.Commit(blob, 10, ("X-Timestamp", "2000000000.00000")));

        Assert.That(again, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(10));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage WHERE blob_id = @B", new { B = blob }), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM record WHERE action = 'object.put'"), Is.EqualTo(1), "one operation, one record");
    }

    [Test]
    public async Task ObjectCommit_MissingContainer_Answers404AndWritesNothing()
    {
        Assert.That(await PutObjectAsync("nope", "o", 1), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type IN ('object', 'directory')"), Is.Zero);
    }

    [Test]
    public async Task ObjectCommit_ContainerMadeAgainUnderItsName_LandsInTheNewOne()
    {
        // On MariaDB the commit guesses a name's ids from where it was found last: here the old container's.
        await CreateContainerAsync("c");
        Assert.That(await PutObjectAsync("c", "o", 3), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await PutObjectAsync("c", "a/b/o", 3), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/o", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/a/b/o", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));
        var old = await ContainerIdAsync("c");
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));
        await CreateContainerAsync("c");
        var made = await ContainerIdAsync("c");
        Assert.That(made, Is.Not.EqualTo(old));

        Assert.That(await PutObjectAsync("c", "o", 5), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await PutObjectAsync("c", "a/b/o", 7), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type IN ('object', 'directory') AND container_id <> @C", new { C = made }), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT parent_id FROM stobj WHERE type = 'object' AND path = 'o'"), Is.EqualTo(made));
        Assert.That(await ScalarAsync<long>("""
            SELECT d.parent_id FROM stobj o JOIN stobj b ON b.id = o.parent_id JOIN stobj d ON d.id = b.parent_id
            WHERE o.type = 'object' AND o.path = 'a/b/o' AND b.path = 'a/b' AND d.path = 'a'
            """), Is.EqualTo(made));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(2));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(12));
    }

    [Test]
    public async Task ObjectCommit_DirectoriesPrunedSinceTheLastCommit_AreMadeAgain()
    {
        await CreateContainerAsync("c");
        Assert.That(await PutObjectAsync("c", "a/b/o", 3), Is.EqualTo(HttpStatusCode.Created));
        var pruned = await ScalarAsync<long>("SELECT id FROM stobj WHERE type = 'directory' AND path = 'a/b'");
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/a/b/o", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await PutObjectAsync("c", "a/b/p", 4), Is.EqualTo(HttpStatusCode.Created));

        var parent = await ScalarAsync<long>("SELECT parent_id FROM stobj WHERE type = 'object' AND path = 'a/b/p'");
        Assert.That(parent, Is.Not.EqualTo(pruned));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE id = @Id AND type = 'directory' AND path = 'a/b'", new { Id = parent }), Is.EqualTo(1));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(1));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(4));
    }

    private Task<long> ContainerIdAsync(string container) =>
        ScalarAsync<long>("SELECT id FROM stobj WHERE type = 'container' AND name = @Name", new { Name = container });

    [Test]
    public async Task ObjectOverwrite_ReplacesUserAndSystemMetadata_OfThatObjectOnly()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "other", 1, null, ("X-Object-Meta-Keep", "k"), ("X-Backend-Object-Sysmeta-Keep", "s"));
        await PutObjectAsync("c", "o", 1, null, ("X-Object-Meta-A", "1"), ("X-Backend-Object-Sysmeta-Tag", "t"));

        Assert.That(await PutObjectAsync("c", "o", 2, null, ("X-Object-Meta-B", "2")), Is.EqualTo(HttpStatusCode.Created));
        var afterUser = await MetadataOfAsync("o");
        Assert.That(await PutObjectAsync("c", "o", 3, null, ("X-Backend-Object-Sysmeta-Mark", "m")), Is.EqualTo(HttpStatusCode.Created));
        var afterSys = await MetadataOfAsync("o");
        Assert.That(await PutObjectAsync("c", "o", 4, null), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(afterUser, Is.EqualTo(new[] { "user:b=2" }));
        Assert.That(afterSys, Is.EqualTo(new[] { "sys:mark=m" }));
        Assert.That(await MetadataOfAsync("o"), Is.Empty);
        Assert.That(await MetadataOfAsync("other"), Is.EqualTo(new[] { "sys:keep=s", "user:keep=k" }));
    }

    private async Task<string[]> MetadataOfAsync(string name)
    {
        var rows = await QueryAsync<(string Kind, string Name, string Value)>("""
            SELECT m.kind, m.name, m.value FROM metadata m JOIN stobj o ON o.id = m.stobj_id
            WHERE o.type = 'object' AND o.name = @Name
            """, new { Name = name });
        return rows.Select(r => $"{r.Kind}:{r.Name.ToLowerInvariant()}={r.Value}").Order(StringComparer.Ordinal).ToArray();
    }

    [Test]
    public async Task ObjectPost_ReplacesUserMetadata()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "o", 1, null, ("X-Object-Meta-A", "1"), ("X-Object-Meta-B", "2"));

        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c/o", Backend.Owner, ("X-Object-Meta-C", "3")), Is.EqualTo(HttpStatusCode.Accepted));

        Assert.That(await ScalarAsync<string>("SELECT GROUP_CONCAT(name) FROM metadata WHERE kind = 'user'"), Is.EqualTo("c"));
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c/missing", Backend.Owner), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ObjectDelete_Expired_Answers404ButReapsTheRow()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "o", 7, null, ("X-Delete-At", "1000000000"));

        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/o", Backend.Owner), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await UsedBytesAsync("c"), Is.Zero);
    }

    [Test]
    public async Task DirectoryDelete_Recursive_CascadesAndReturnsUsage()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "d/one", 10);
        await PutObjectAsync("c", "d/sub/two", 20);
        await PutObjectAsync("c", "d-sibling", 5);
        await PutObjectAsync("c", "keep/three", 1);

        using var response = await SendAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/d", Backend.Owner, ("X-Backend-Recursive", "true"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((long?)body["bytes"], Is.EqualTo(30));
        Assert.That((long?)body["objects"], Is.EqualTo(2));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(6));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(2));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'object'"), Is.EqualTo(2));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage"), Is.EqualTo(2));
    }

    [Test]
    public async Task UsageCheck_AfterManyWrites_FindsNoDrift()
    {
        await CreateContainerAsync("c");
        await CreateContainerAsync("d");
        for (var i = 0; i < 10; i++)
        {
            await PutObjectAsync(i % 2 == 0 ? "c" : "d", $"dir{i % 3}/o{i}", i * 10);
        }

        await PutObjectAsync("c", "dir0/o0", 999);
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/d/dir1/o1", Backend.Owner);
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/dir2", Backend.Owner, ("X-Backend-Recursive", "true"));

        using var response = await SendAsync(HttpMethod.Post, "/usage-check/d1/0/AUTH_test", Backend.Admin);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["drifts"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task UsageCheck_TamperedCounter_IsFoundAndRepaired()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "o", 10);
        await ScalarAsync<long>("UPDATE quota SET used_bytes = 999 WHERE stobj_id = (SELECT id FROM stobj WHERE type = 'container')");

        using var found = await SendAsync(HttpMethod.Post, "/usage-check/d1/0/AUTH_test?repair=true", Backend.Admin);
        Assert.That(JsonNode.Parse(await found.Content.ReadAsStringAsync())!["drifts"]!.AsArray(), Has.Count.EqualTo(1));

        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(10));
    }

    [Test]
    public async Task Reaper_ExpiredObjects_AreRemovedWithUsageAndRecords()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "old/a", 10, null, ("X-Delete-At", "1000000000"));
        await PutObjectAsync("c", "old/b", 20, null, ("X-Delete-At", "4000000000"));

        var reaped = await Host.Services.GetRequiredService<CloudFs.AccountServer.Core.ExpiredObjectReaper>().ReapOnceAsync(CancellationToken.None);

        Assert.That(reaped, Is.EqualTo(1));
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(20));
        Assert.That(await UsedObjectsAsync("c"), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage"), Is.EqualTo(1), "the expired object's blob is queued");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'directory'"), Is.EqualTo(1), "old/ still holds b");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM record WHERE action = 'object.expire' AND account = 'AUTH_test'"), Is.EqualTo(1));
    }
}
