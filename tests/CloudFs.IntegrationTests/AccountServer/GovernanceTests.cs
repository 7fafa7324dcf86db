using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>Metadata limits, the resource firewall and the operation history.</summary>
public sealed class GovernanceTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [Test]
    public async Task Metadata_SwiftLimits_Answer400()
    {
        await CreateContainerAsync("c");
        var tooMany = Enumerable.Range(0, 91).Select(i => ($"X-Container-Meta-K{i}", "v")).ToArray();
        var bigTotal = Enumerable.Range(0, 20).Select(i => ($"X-Container-Meta-Big{i}", new string('v', 250))).ToArray();

        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, tooMany), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, ($"X-Container-Meta-{new string('n', 129)}", "v")), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Container-Meta-V", new string('v', 257))), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, bigTotal), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await PutObjectAsync("c", "o", 1, null, ("X-Object-Meta-V", new string('v', 257))), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM metadata"), Is.Zero, "nothing half written");
    }

    [Test]
    public async Task Metadata_PostMergesAndRemoves()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-A", "1"), ("X-Container-Meta-B", "2"));

        await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Container-Meta-C", "3"), ("X-Remove-Container-Meta-A", "x"), ("X-Container-Meta-B", ""));

        Assert.That(await ScalarAsync<string>("SELECT GROUP_CONCAT(name) FROM metadata WHERE kind = 'user'"), Is.EqualTo("c"));
    }

    [Test]
    public async Task Firewall_DisabledDirectory_BlocksOwnerButNotAdmin()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "secret/a", 1);

        Assert.That(await StatusAsync(HttpMethod.Post, "/firewall/d1/0/AUTH_test/c/secret/?state=disabled", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Post, "/firewall/d1/0/AUTH_test/c/secret/?state=disabled", Backend.Admin), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await PutObjectAsync("c", "secret/b", 1), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/secret/a", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await PutObjectAsync("c", "secret/b", 1, Backend.Admin), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await PutObjectAsync("c", "open/b", 1), Is.EqualTo(HttpStatusCode.Created));

        await StatusAsync(HttpMethod.Post, "/firewall/d1/0/AUTH_test/c/secret/?state=enabled", Backend.Admin);
        Assert.That(await PutObjectAsync("c", "secret/c", 1), Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Firewall_DisabledAccount_BlocksContainerWrites()
    {
        await StatusAsync(HttpMethod.Post, "/firewall/d1/0/AUTH_test?state=disabled", Backend.Admin);

        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Records_EveryKindOfWrite_LeavesOneWithTransId()
    {
        await CreateContainerAsync("c");
        await PutObjectAsync("c", "d/o", 5);
        await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c/d/o", Backend.Owner, ("X-Object-Meta-A", "1"));
        await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Container-Meta-A", "1"));
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/d/o", Backend.Owner);
        await PutObjectAsync("c", "e/o", 5);
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/e", Backend.Owner, ("X-Backend-Recursive", "true"));
        await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test", Backend.Owner, ("X-Account-Meta-A", "1"));
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c", Backend.Owner);

        var records = await RecordsAsync($"/records/d1/0/AUTH_test?limit=100&user_id={Backend.Owner.Id}", Backend.Owner);
        var actions = records.Select(r => (string)r!["action"]!).ToList();

        Assert.That(actions, Is.SupersetOf(new[]
        {
            "container.create", "object.put", "object.post", "container.post", "object.delete", "directory.delete", "account.post", "container.delete",
        }));
        Assert.That(records.Select(r => (string?)r!["trans_id"]), Has.All.Match("^tx[0-9a-f]{21}-[0-9a-f]{10}$"));
        Assert.That(records.Select(r => (long?)r!["user_id"]), Has.All.EqualTo(Backend.Owner.Id));
    }

    [Test]
    public async Task Records_FilterAndPage()
    {
        await CreateContainerAsync("c");
        for (var i = 0; i < 5; i++)
        {
            await PutObjectAsync("c", $"p/o{i}", 1);
        }

        await PutObjectAsync("c", "q/x", 1);

        var page1 = await RecordsAsync("/records/d1/0/AUTH_test?action=object.put&path=/c/p/&limit=3", Backend.Owner);
        var marker = (long)page1[^1]!["id"]!;
        var page2 = await RecordsAsync($"/records/d1/0/AUTH_test?action=object.put&path=/c/p/&limit=3&marker={marker}", Backend.Owner);

        Assert.That(page1.Count + page2.Count, Is.EqualTo(5));
        Assert.That(page1.Concat(page2).Select(r => (string)r!["path"]!), Has.All.StartWith("/c/p/"));
    }

    [Test]
    public async Task Records_OtherAccount_Answers403() =>
        Assert.That(await StatusAsync(HttpMethod.Get, "/records/d1/0/AUTH_test", Backend.OtherOwner), Is.EqualTo(HttpStatusCode.Forbidden));

    [Test]
    public async Task Users_AdminCreatesAndDeletesLastUser_RemovesAccountTree()
    {
        using var create = Backend.Request(HttpMethod.Put, "/users/newacct/boss", Backend.Admin);
        create.Content = new StringContent("""{"key": "pw", "type": "owner"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.That((await Client.SendAsync(create)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_newacct/c", Backend.Admin), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await StatusAsync(HttpMethod.Delete, "/users/newacct/boss", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/users/newacct/boss", Backend.Admin), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE account_id IN (SELECT id FROM stobj WHERE name = 'AUTH_newacct')"), Is.Zero);
    }

    [Test]
    public async Task Register_SwitchedOff_Answers403_On_AccountExists409()
    {
        using var off = new HttpRequestMessage(HttpMethod.Post, "/register")
        {
            Content = new StringContent("""{"account": "self", "user": "me", "key": "k"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.That((await Client.SendAsync(off)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        await ScalarAsync<long>("INSERT INTO webconf (name, value, updated_at) VALUES ('self_registration', 'true', 0)");
        using var on = new HttpRequestMessage(HttpMethod.Post, "/register")
        {
            Content = new StringContent("""{"account": "self", "user": "me", "key": "k"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.That((await Client.SendAsync(on)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var again = new HttpRequestMessage(HttpMethod.Post, "/register")
        {
            Content = new StringContent("""{"account": "self", "user": "you", "key": "k"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.That((await Client.SendAsync(again)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    private async Task<JsonArray> RecordsAsync(string path, Backend.Identity who)
    {
        using var response = await SendAsync(HttpMethod.Get, path, who);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
