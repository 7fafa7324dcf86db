using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.IntegrationTests.AccountServer;

public sealed class AuthTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    protected override string[] ExtraArgs => ["--AccountServer:TokenLifeSeconds=2"];

    [Test]
    public async Task Login_RightKey_ReturnsTempauthHeaders()
    {
        using var response = await LoginAsync("test:tester", "testing", forwardedHost: "proxy.example:7010");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = response.Headers.GetValues("X-Auth-Token").Single();
        Assert.That(token, Does.StartWith("AUTH_tk"));
        Assert.That(response.Headers.GetValues("X-Storage-Token").Single(), Is.EqualTo(token));
        Assert.That(response.Headers.GetValues("X-Storage-Url").Single(), Is.EqualTo("http://proxy.example:7010/v1/AUTH_test"));
        Assert.That(int.Parse(response.Headers.GetValues("X-Auth-Token-Expires").Single()), Is.InRange(1, 2));
    }

    [Test]
    public async Task Login_StorageUserHeadersAndEmail_AreAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/v1/test/auth");
        request.Headers.Add("X-Storage-User", "tester@example.org");
        request.Headers.Add("X-Storage-Pass", "testing");
        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("test:tester", "wrong")]
    [TestCase("test:nobody", "testing")]
    [TestCase("nobody@example.org", "testing")]
    [TestCase("", "")]
    public async Task Login_BadCredentials_Answers401(string user, string key)
    {
        using var response = await LoginAsync(user, key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.Contains("X-Auth-Token"), Is.False);
    }

    [Test]
    public async Task Validate_LiveToken_NamesOwnerAndType()
    {
        var token = await TokenAsync("test:tester", "testing");

        var owner = JsonNode.Parse(await ValidateAsync(token))!;

        Assert.That((string?)owner["user"], Is.EqualTo("test:tester"));
        Assert.That((string?)owner["account"], Is.EqualTo("AUTH_test"));
        Assert.That((string?)owner["type"], Is.EqualTo("owner"));
    }

    [Test]
    public async Task Validate_AdminToken_IsAdmin()
    {
        var owner = JsonNode.Parse(await ValidateAsync(await TokenAsync("admin:admin", AccountServerHost.AdminPassword)))!;

        Assert.That((string?)owner["type"], Is.EqualTo("admin"));
    }

    [Test]
    public async Task Validate_ExpiredToken_Answers404()
    {
        // A second server on the same catalog whose clock the test moves: no waiting for real time.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await AccountServerHost.StartAsync(Options, Path.Combine(WorkDirectory, "account-fake-clock"), time, ExtraArgs);
        var token = await TokenAsync("test:tester", "testing", host.Client);

        time.Advance(TimeSpan.FromSeconds(1.9));
        var live = await ValidateStatusAsync(host.Client, token);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var expired = await ValidateStatusAsync(host.Client, token);

        Assert.That(live, Is.EqualTo(HttpStatusCode.OK), "still inside its 2 s life");
        Assert.That(expired, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Validate_UnknownToken_Answers404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/validate");
        request.Headers.Add("X-Auth-Token", "AUTH_tk00000000000000000000000000000000");
        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DisableUser_EndsItsTokensAndLogins()
    {
        var token = await TokenAsync("test:tester", "testing");
        using var disable = Backend.Request(HttpMethod.Post, "/users/test/tester", Backend.Admin);
        disable.Content = JsonContent("""{"enabled": false}""");
        using (var response = await Client.SendAsync(disable))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var validate = new HttpRequestMessage(HttpMethod.Get, "/auth/validate");
        validate.Headers.Add("X-Auth-Token", token);
        Assert.That((await Client.SendAsync(validate)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await LoginAsync("test:tester", "testing")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Tokens_AreStoredHashed()
    {
        var token = await TokenAsync("test:tester", "testing");

        var stored = await ScalarAsync<long>("SELECT COUNT(*) FROM token WHERE token_hash = @T", new { T = token });

        Assert.That(stored, Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM token"), Is.EqualTo(1));
    }

    private static async Task<HttpStatusCode> ValidateStatusAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/validate");
        request.Headers.Add("X-Auth-Token", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> LoginAsync(string user, string key, string? forwardedHost = null, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/v1.0");
        request.Headers.Add("X-Auth-User", user);
        request.Headers.Add("X-Auth-Key", key);
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        }

        return await (client ?? Client).SendAsync(request);
    }

    private async Task<string> TokenAsync(string user, string key, HttpClient? client = null)
    {
        using var response = await LoginAsync(user, key, client: client);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response.Headers.GetValues("X-Auth-Token").Single();
    }

    private async Task<string> ValidateAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/validate");
        request.Headers.Add("X-Auth-Token", token);
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
