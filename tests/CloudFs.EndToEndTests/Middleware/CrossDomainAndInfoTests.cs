using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Middleware;

/// <summary>
/// /crossdomain.xml with a configured policy, and the middlewares' /info sections in Swift's
/// shape, one middleware switched off (it then neither answers nor shows in /info).
/// </summary>
[Category("E2E")]
public class CrossDomainAndInfoTests
{
    private const string Policy = "<allow-access-from domain=\"*.example.com\" />";
    private CloudFsCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_Proxy__Middleware__CrossDomain__CrossDomainPolicy"] = Policy,
            ["CLOUDFS_Proxy__Middleware__FormPost__Enabled"] = "false",
            ["CLOUDFS_Proxy__Middleware__TempUrl__AllowedDigests"] = "sha512 sha256",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task CrossDomainXml_IsTheConfiguredPolicy_WithoutAToken()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/crossdomain.xml", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("application/xml"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE cross-domain-policy SYSTEM \"http://www.adobe.com/xml/dtds/cross-domain-policy.dtd\" >\n"
            + $"<cross-domain-policy>\n{Policy}\n</cross-domain-policy>"));
    }

    [Test]
    public async Task Info_ShowsTheEnabledMiddlewaresAsSwiftDoes()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/info", null);
        var info = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.That(info["crossdomain"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(info["tempurl"]!.ToJsonString(), Is.EqualTo(
            "{\"methods\":[\"GET\",\"HEAD\",\"PUT\",\"POST\",\"DELETE\"],\"incoming_remove_headers\":[\"x-timestamp\"],\"incoming_allow_headers\":[],"
            + "\"outgoing_remove_headers\":[\"x-object-meta-*\"],\"outgoing_allow_headers\":[\"x-object-meta-public-*\"],\"allowed_digests\":[\"sha256\",\"sha512\"]}"));
        Assert.That(info.ContainsKey("formpost"), Is.False);
    }

    [Test]
    public async Task DisabledFormPost_LeavesTheFormToTheApi()
    {
        var content = new ByteArrayContent("--B\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=B");
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Post, "/v1/AUTH_test/c", null, content);

        // Without formpost, an anonymous POST is the API's plain 401, as Swift answers it.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Swift realm=\"AUTH_test\""));
    }
}
