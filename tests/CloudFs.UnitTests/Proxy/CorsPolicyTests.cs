using CloudFs.Proxy.Cors;
using CloudFs.Proxy.Paths;

namespace CloudFs.UnitTests.Proxy;

/// <summary>Swift 2.30's CORS answers (recorded from its all-in-one), as pure rules.</summary>
public class CorsPolicyTests
{
    private static readonly ContainerCors Listed = new("http://a.example http://b.example", "X-Custom  Other", "600");
    private static readonly ContainerCors Star = new("*", null, null);
    private static readonly CorsOptions Strict = new() { AllowOrigin = "http://conf.example", ExposeHeaders = "X-Foo, X-Bar" };

    private static Dictionary<string, string> Map(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);

    [TestCase("http://a.example", true)]
    [TestCase("http://b.example", true)]
    [TestCase("http://conf.example", true)]
    [TestCase("http://evil.example", false)]
    [TestCase("http://a.example/", false)]
    public void IsOriginAllowed_ContainerListAndConfig(string origin, bool allowed) =>
        Assert.That(CorsPolicy.IsOriginAllowed(Listed, origin, Strict), Is.EqualTo(allowed));

    [Test]
    public void IsOriginAllowed_StarAnywhere_AllowsAll()
    {
        Assert.That(CorsPolicy.IsOriginAllowed(Star, "http://x.example", new CorsOptions()), Is.True);
        Assert.That(CorsPolicy.IsOriginAllowed(ContainerCors.None, "http://x.example", new CorsOptions { AllowOrigin = "*" }), Is.True);
        Assert.That(CorsPolicy.IsOriginAllowed(ContainerCors.None, "http://x.example", new CorsOptions()), Is.False);
    }

    [Test]
    public void Preflight_WithoutOrigin_IsPlain200WithAllow()
    {
        var container = CorsPolicy.Preflight(ResourceLevel.Container, Listed, null, null, null, Strict);
        var obj = CorsPolicy.Preflight(ResourceLevel.Object, Listed, "", null, null, Strict);

        Assert.That((container.Status, container.WithContentType), Is.EqualTo((200, true)));
        Assert.That(Map(container.Headers), Is.EqualTo(new Dictionary<string, string> { ["Allow"] = "HEAD, OPTIONS, GET, PUT, POST, DELETE" }));
        Assert.That(Map(obj.Headers)["Allow"], Is.EqualTo("HEAD, OPTIONS, GET, PUT, POST, DELETE, COPY"));
    }

    [Test]
    public void Preflight_AtAccount_IsPlain200EvenWithOrigin()
    {
        var answer = CorsPolicy.Preflight(ResourceLevel.Account, ContainerCors.None, "http://a.example", "GET", null, Strict);

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Headers.Select(h => h.Key), Is.EqualTo(new[] { "Allow" }));
    }

    [Test]
    public void Preflight_AllowedOrigin_ListsOriginVaryMaxAgeMethodsAndAskedHeaders()
    {
        var answer = CorsPolicy.Preflight(ResourceLevel.Container, Listed, "http://a.example", "GET", "x-auth-token, content-type", Strict);

        Assert.That((answer.Status, answer.WithContentType), Is.EqualTo((200, false)));
        Assert.That(answer.Headers, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("Allow", "HEAD, OPTIONS, GET, PUT, POST, DELETE"),
            new("Access-Control-Allow-Origin", "http://a.example"),
            new("Vary", "Origin, Access-Control-Request-Headers"),
            new("Access-Control-Max-Age", "600"),
            new("Access-Control-Allow-Methods", "HEAD, OPTIONS, GET, PUT, POST, DELETE"),
            new("Access-Control-Allow-Headers", "x-auth-token, content-type"),
        }));
    }

    [Test]
    public void Preflight_ObjectWithStarContainer_AnswersStarWithoutVaryAndAddsCopy()
    {
        var answer = CorsPolicy.Preflight(ResourceLevel.Object, Star, "http://x.example", "DELETE", null, new CorsOptions());

        Assert.That(answer.Headers, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("Allow", "HEAD, OPTIONS, GET, PUT, POST, DELETE, COPY"),
            new("Access-Control-Allow-Origin", "*"),
            new("Access-Control-Allow-Methods", "HEAD, OPTIONS, GET, PUT, POST, DELETE, COPY"),
        }));
    }

    [Test]
    public void Preflight_ConfiguredOriginOnPlainContainer_Is200WithoutMaxAge()
    {
        var answer = CorsPolicy.Preflight(ResourceLevel.Object, ContainerCors.None, "http://conf.example", "GET", null, Strict);

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(Map(answer.Headers).ContainsKey("Access-Control-Max-Age"), Is.False);
        Assert.That(Map(answer.Headers)["Vary"], Is.EqualTo("Origin"));
    }

    [TestCase("http://evil.example", "GET")]
    [TestCase("http://a.example", null)]
    [TestCase("http://a.example", "COPY")]
    [TestCase("http://a.example", "FOO")]
    [TestCase("http://a.example", "get")]
    public void Preflight_RefusedOriginOrMethod_Is401WithContainerAllow(string origin, string? method)
    {
        var answer = CorsPolicy.Preflight(ResourceLevel.Object, Listed, origin, method, null, Strict);

        Assert.That((answer.Status, answer.WithContentType), Is.EqualTo((401, true)));
        Assert.That(answer.Headers, Is.EqualTo(new KeyValuePair<string, string>[] { new("Allow", "HEAD, OPTIONS, GET, PUT, POST, DELETE") }));
    }

    [Test]
    public void ForResponse_AllowedOrigin_ExposesDefaultsConfigMetaAndContainerList()
    {
        var headers = Map(CorsPolicy.ForResponse(Listed, "http://a.example", Strict,
            ["Content-Type", "X-Object-Meta-Color", "Etag", "Accept-Ranges"], null));

        var exposed = headers["Access-Control-Expose-Headers"].Split(", ");
        Assert.That(exposed, Is.EquivalentTo(new[]
        {
            "cache-control", "content-language", "content-type", "expires", "last-modified", "pragma", "etag", "x-timestamp",
            "x-trans-id", "x-openstack-request-id", "X-Foo", "X-Bar", "x-object-meta-color", "x-custom", "other",
        }));
        Assert.That(headers["Access-Control-Allow-Origin"], Is.EqualTo("http://a.example"));
        Assert.That(headers["Vary"], Is.EqualTo("Origin"));
    }

    [Test]
    public void ForResponse_ExistingVary_PutsOriginFirst() =>
        Assert.That(Map(CorsPolicy.ForResponse(Listed, "http://a.example", Strict, ["Vary"], "Accept"))["Vary"], Is.EqualTo("Origin, Accept"));

    [Test]
    public void ForResponse_StarContainer_AnswersStarWithoutVary()
    {
        var headers = Map(CorsPolicy.ForResponse(Star, "http://x.example", new CorsOptions(), [], null));

        Assert.That(headers["Access-Control-Allow-Origin"], Is.EqualTo("*"));
        Assert.That(headers.ContainsKey("Vary"), Is.False);
    }

    [Test]
    public void ForResponse_UnknownOriginInStrictMode_AddsNothing() =>
        Assert.That(CorsPolicy.ForResponse(Listed, "http://evil.example", Strict, [], null), Is.Empty);

    [Test]
    public void ForResponse_UnknownOriginWithoutStrictMode_EchoesTheOrigin()
    {
        var loose = new CorsOptions { StrictCorsMode = false };

        var headers = Map(CorsPolicy.ForResponse(ContainerCors.None, "http://evil.example", loose, [], null));

        Assert.That(headers["Access-Control-Allow-Origin"], Is.EqualTo("http://evil.example"));
        Assert.That(headers.ContainsKey("Access-Control-Expose-Headers"), Is.True);
    }

    [Test]
    public void ForResponse_HeadersTheAnswerAlreadyHas_AreLeftAlone() =>
        Assert.That(CorsPolicy.ForResponse(Listed, "http://a.example", Strict, ["Access-Control-Allow-Origin", "access-control-expose-headers"], null),
            Is.Empty);

    [TestCase(ResourceLevel.Account, "GET", false)]
    [TestCase(ResourceLevel.Container, "GET", true)]
    [TestCase(ResourceLevel.Object, "COPY", true)]
    [TestCase(ResourceLevel.Object, "FOO", false)]
    public void DecoratesActual_ContainerAndObjectVerbsOnly(ResourceLevel level, string method, bool decorated) =>
        Assert.That(CorsPolicy.DecoratesActual(level, method), Is.EqualTo(decorated));
}
