using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>tempauth's account ACLs through a real cluster, step by step as Swift 2.30 answered the same requests.</summary>
[Category("E2E")]
public class AccountAclTests
{
    private const string Account = "/v1/AUTH_test";

    private CloudFsCluster _cluster = null!;
    private string _owner = "";
    private string _other = "";
    private string _member = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster(extraUsers: [("test2:tester2", "testing2", "owner"), ("test:tester3", "testing3", "member")]);
        await _cluster.StartAsync();
        _owner = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        _other = (await ProxyHttp.LoginAsync(_cluster, "test2:tester2", "testing2")).Token;
        _member = (await ProxyHttp.LoginAsync(_cluster, "test:tester3", "testing3")).Token;
        Assert.That(await StatusAsync(HttpMethod.Put, "/c1", _owner), Is.EqualTo(201));
        Assert.That(await StatusAsync(HttpMethod.Put, "/c1/o1", _owner, content: "hello"), Is.EqualTo(201));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [TestCase("{not json", "X-Account-Access-Control invalid: Syntax error in input ('{not json')\n\nInput: {not json\n")]
    [TestCase("{\"foo\":[\"a\"]}", "X-Account-Access-Control invalid: Key \"foo\" not recognized\n\nInput: {\"foo\":[\"a\"]}\n")]
    [TestCase("{\"admin\":\"a\"}", "X-Account-Access-Control invalid: Value for key \"admin\" must be a list\n\nInput: {\"admin\":\"a\"}\n")]
    [TestCase("{\"admin\":[1]}", "X-Account-Access-Control invalid: Elements of \"admin\" list must be strings\n\nInput: {\"admin\":[1]}\n")]
    public async Task Post_InvalidAcl_Is400WithTempauthsBodyAndStoresNothing(string acl, string body)
    {
        foreach (var token in new[] { _owner, null })
        {
            using var response = await SendAsync(HttpMethod.Post, "", token, new() { ["X-Account-Access-Control"] = acl });

            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=UTF-8"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(body));
        }

        using var head = await SendAsync(HttpMethod.Head, "", _owner);
        Assert.That(head.Headers.Contains("X-Account-Access-Control"), Is.False);
    }

    [Test]
    public async Task Acls_GrantReadOnlyThenReadWriteThenAdmin_AsSwiftDoes()
    {
        // Read-only for test2:tester2, admin for test:tester3 (a member without owner rights).
        Assert.That(await StatusAsync(HttpMethod.Post, "", _owner,
            new() { ["X-Account-Access-Control"] = "{\"read-only\": [\"test2:tester2\"], \"admin\": [\"test:tester3\"]}" }), Is.EqualTo(204));
        Assert.That(await AclShownToAsync(_owner), Is.EqualTo("{\"admin\":[\"test:tester3\"],\"read-only\":[\"test2:tester2\"]}"));
        Assert.That(await AclShownToAsync(_other), Is.Null, "only owners and ACL admins see the ACL");
        Assert.That(await StatusAsync(HttpMethod.Get, "", _other), Is.EqualTo(200));
        Assert.That(await StatusAsync(HttpMethod.Get, "/c1", _other), Is.EqualTo(200));
        Assert.That(await StatusAsync(HttpMethod.Get, "/c1/o1", _other), Is.EqualTo(200));
        Assert.That(await StatusAsync(HttpMethod.Put, "/c1/o9", _other, content: "x"), Is.EqualTo(403));
        Assert.That(await StatusAsync(HttpMethod.Post, "", _other, new() { ["X-Account-Meta-X"] = "y" }), Is.EqualTo(403));

        // The ACL admin sees the ACL and replaces it: test2 becomes read-write.
        Assert.That(await AclShownToAsync(_member), Is.EqualTo("{\"admin\":[\"test:tester3\"],\"read-only\":[\"test2:tester2\"]}"));
        Assert.That(await StatusAsync(HttpMethod.Post, "", _member,
            new() { ["X-Account-Access-Control"] = "{\"read-write\":[\"test2\"],\"admin\":[\"test:tester3\"]}" }), Is.EqualTo(204));
        Assert.That(await StatusAsync(HttpMethod.Post, "", _member, new() { ["X-Account-Meta-Z"] = "1" }), Is.EqualTo(204));
        Assert.That(await AclShownToAsync(_member), Is.EqualTo("{\"admin\":[\"test:tester3\"],\"read-write\":[\"test2\"]}"));

        Assert.That(await StatusAsync(HttpMethod.Put, "/c1/o9", _other, content: "x"), Is.EqualTo(201));
        Assert.That(await StatusAsync(HttpMethod.Put, "/newc", _other), Is.EqualTo(201));
        Assert.That(await StatusAsync(HttpMethod.Post, "/newc", _other, new() { ["X-Container-Read"] = ".r:*", ["X-Container-Meta-Q"] = "1" }), Is.EqualTo(204));
        using (var newc = await SendAsync(HttpMethod.Head, "/newc", _owner))
        {
            Assert.That(newc.Headers.GetValues("X-Container-Meta-Q").Single(), Is.EqualTo("1"));
            Assert.That(newc.Headers.Contains("X-Container-Read"), Is.False, "a read-write user may not set container ACLs");
        }

        Assert.That(await StatusAsync(HttpMethod.Delete, "/c1/o9", _other), Is.EqualTo(204));
        Assert.That(await StatusAsync(HttpMethod.Post, "", _other, new() { ["X-Account-Meta-X"] = "y" }), Is.EqualTo(403));
        Assert.That(await StatusAsync(HttpMethod.Post, "", _other, new() { ["X-Account-Access-Control"] = "{\"admin\":[\"test2\"]}" }), Is.EqualTo(403));
        Assert.That(await AclShownToAsync(_other), Is.Null);

        // Clearing it (an empty object) takes every grant back.
        Assert.That(await StatusAsync(HttpMethod.Post, "", _owner, new() { ["X-Account-Access-Control"] = "{}" }), Is.EqualTo(204));
        Assert.That(await AclShownToAsync(_owner), Is.Null);
        Assert.That(await StatusAsync(HttpMethod.Get, "/c1/o1", _other), Is.EqualTo(403));
        Assert.That(await StatusAsync(HttpMethod.Head, "", _member), Is.EqualTo(403));
    }

    [Test]
    public async Task Info_AdvertisesAccountAcls()
    {
        using var response = await _cluster.Http.GetAsync(_cluster.Url("proxy", "/info"));
        var info = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(info["tempauth"]!["account_acls"]!.GetValue<bool>(), Is.True);
    }

    private async Task<string?> AclShownToAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Head, "", token);
        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        return response.Headers.TryGetValues("X-Account-Access-Control", out var values) ? values.Single() : null;
    }

    private async Task<int> StatusAsync(HttpMethod method, string path, string token, Dictionary<string, string>? headers = null, string? content = null)
    {
        using var response = await SendAsync(method, path, token, headers ?? new(), content);
        return (int)response.StatusCode;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, Dictionary<string, string>? headers = null, string? content = null) =>
        ProxyHttp.SendAsync(_cluster, method, Account + path, token, content is null ? null : new StringContent(content), headers);
}
