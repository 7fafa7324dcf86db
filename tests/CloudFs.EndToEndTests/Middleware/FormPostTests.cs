using System.Net;
using System.Security.Cryptography;
using System.Text;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Middleware;

/// <summary>
/// Browser form uploads through a real cluster: signed forms store their files through the
/// object PUT path; bad forms get the status and body Swift 2.30.1 answered (checked against
/// it) and store nothing.
/// </summary>
[Category("E2E")]
public class FormPostTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";
    private long _expires;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        _expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600;
        using var container = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/inbox", _token);
        using var key = await ProxyHttp.SendAsync(_cluster, HttpMethod.Post, "/v1/AUTH_test", _token, null,
            new Dictionary<string, string> { ["X-Account-Meta-Temp-URL-Key"] = "secret" });
        Assert.That(((int)container.StatusCode, (int)key.StatusCode), Is.EqualTo((201, 204)));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task SignedForm_StoresEveryFile_WithItsContentType()
    {
        using var response = await PostAsync("/v1/AUTH_test/inbox", new Form(this) { Files = { ("f1.txt", "one", "text/plain"), ("f2.bin", "two", null) } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("201 Created"));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain"));
        using var f1 = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/inbox/f1.txt", _token);
        using var f2 = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/inbox/f2.bin", _token);
        Assert.That(await f1.Content.ReadAsStringAsync(), Is.EqualTo("one"));
        Assert.That(f1.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain"));
        Assert.That(await f2.Content.ReadAsStringAsync(), Is.EqualTo("two"));
    }

    [Test]
    public async Task SignedForm_ToAPrefix_WithRedirectAndDeleteAfter()
    {
        var form = new Form(this) { Redirect = "http://x.example/done?a=1", Files = { ("f3.txt", "three", "text/plain") } };
        form.Fields["x_delete_after"] = "600";
        using var response = await PostAsync("/v1/AUTH_test/inbox/up/", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("http://x.example/done?a=1&status=201&message="));
        using var stored = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/inbox/up/f3.txt", _token);
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(long.Parse(stored.Headers.GetValues("X-Delete-At").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(_expires - 60));
    }

    [TestCase("bad signature", 401, "FormPost: Invalid Signature")]
    [TestCase("expired", 401, "FormPost: Form Expired")]
    [TestCase("too big", 400, "FormPost: max_file_size exceeded")]
    [TestCase("expires not a number", 400, "FormPost: expired not an integer")]
    [TestCase("no files", 400, "400 Bad Request\r\nFormPost: No Files To Process")]
    public async Task BadForm_IsSwiftsAnswer_AndStoresNothing(string why, int status, string body)
    {
        var name = "bad-" + why.Replace(' ', '-') + ".txt";
        var form = new Form(this) { Files = { (name, "data", "text/plain") } };
        switch (why)
        {
            case "bad signature":
                form.Signature = new string('0', 64);
                break;
            case "expired":
                form.Expires = "100";
                break;
            case "too big":
                form.Files[0] = (name, new string('x', 2000), "text/plain");
                break;
            case "expires not a number":
                form.Expires = "soon";
                break;
            default:
                form.Files.Clear();
                break;
        }

        using var response = await PostAsync("/v1/AUTH_test/inbox", form);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(body));
        using var stored = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/inbox/" + name, _token);
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TooManyFiles_Is400_AfterStoringTheAllowedOnes()
    {
        var form = new Form(this) { Files = { ("m1", "1", "text/plain"), ("m2", "2", "text/plain"), ("m3", "3", "text/plain") } };
        using var response = await PostAsync("/v1/AUTH_test/inbox", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("400 Bad Request\r\nFormPost: Max File Count Exceeded"));
        using var third = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/inbox/m3", _token);
        using var second = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/inbox/m2", _token);
        Assert.That((third.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.OK)));
    }

    [Test]
    public async Task GarbageBody_IsInvalidStartingBoundary()
    {
        var content = new ByteArrayContent("garbage\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=ZZZ");
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Post, "/v1/AUTH_test/inbox", null, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("FormPost: invalid starting boundary"));
    }

    private Task<HttpResponseMessage> PostAsync(string path, Form form)
    {
        var content = new ByteArrayContent(form.Body(Uri.UnescapeDataString(path)));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + Form.Boundary);
        return ProxyHttp.SendAsync(_cluster, HttpMethod.Post, path, null, content);
    }

    /// <summary>A form as a browser sends it: the signed fields first, then the files.</summary>
    private sealed class Form(FormPostTests test)
    {
        public const string Boundary = "BoUnDaRy";

        public string Redirect { get; set; } = "";

        public string MaxFileSize { get; set; } = "1024";

        public string MaxFileCount { get; set; } = "2";

        public string Expires { get; set; } = test._expires.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string? Signature { get; set; }

        public Dictionary<string, string> Fields { get; } = [];

        public List<(string Name, string Data, string? ContentType)> Files { get; } = [];

        public byte[] Body(string path)
        {
            var signed = $"{path}\n{Redirect}\n{MaxFileSize}\n{MaxFileCount}\n{Expires}";
            var signature = Signature ?? Convert.ToHexStringLower(HMACSHA256.HashData("secret"u8.ToArray(), Encoding.UTF8.GetBytes(signed)));
            var text = new StringBuilder();
            var fields = new List<(string, string)> { ("redirect", Redirect), ("max_file_size", MaxFileSize), ("max_file_count", MaxFileCount), ("expires", Expires), ("signature", signature) };
            foreach (var (name, value) in fields.Concat(Fields.Select(f => (f.Key, f.Value))))
            {
                text.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
            }

            foreach (var (name, data, type) in Files)
            {
                text.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n");
                if (type is not null)
                {
                    text.Append($"Content-Type: {type}\r\n");
                }

                text.Append($"\r\n{data}\r\n");
            }

            text.Append($"--{Boundary}--\r\n");
            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
