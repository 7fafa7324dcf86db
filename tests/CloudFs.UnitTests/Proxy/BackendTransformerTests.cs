using System.Net;
using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Forwarding;
using Microsoft.AspNetCore.Http;

namespace CloudFs.UnitTests.Proxy;

public class BackendTransformerTests
{
    private static readonly Uri Target = new("http://127.0.0.1:7012/d1/5/AUTH_test/c?format=json");
    private static readonly CallContext Call = new("txabc", new Timestamp(173_244_123_456_789), new BackendCaller(7, "test:tester", "owner"));

    [Test]
    public async Task TransformRequest_ClientInternalHeadersAndTokens_AreReplacedByTheProxys()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers["X-Backend-User-Type"] = "admin";
        context.Request.Headers["X-Auth-Token"] = "AUTH_tksecret";
        context.Request.Headers["X-Timestamp"] = "1.00000";
        context.Request.Headers["X-Container-Meta-Color"] = "blue";
        using var proxyRequest = new HttpRequestMessage();

        await new BackendTransformer(Target, Call).TransformRequestAsync(context, proxyRequest, "http://127.0.0.1:7012", CancellationToken.None);

        Assert.That(proxyRequest.RequestUri, Is.EqualTo(Target));
        Assert.That(proxyRequest.Headers.GetValues("X-Backend-User-Type").Single(), Is.EqualTo("owner"));
        Assert.That(proxyRequest.Headers.GetValues("X-Backend-User").Single(), Is.EqualTo("test:tester"));
        Assert.That(proxyRequest.Headers.GetValues("X-Backend-User-Id").Single(), Is.EqualTo("7"));
        Assert.That(proxyRequest.Headers.GetValues("X-Timestamp").Single(), Is.EqualTo("1732441234.56789"));
        Assert.That(proxyRequest.Headers.GetValues("X-Trans-Id").Single(), Is.EqualTo("txabc"));
        Assert.That(proxyRequest.Headers.Contains("X-Auth-Token"), Is.False);
        Assert.That(proxyRequest.Headers.GetValues("X-Container-Meta-Color").Single(), Is.EqualTo("blue"));
    }

    [Test]
    public async Task TransformRequest_AnonymousWithForgedBackendHeaders_SendsNoUserHeaders()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers["X-Backend-User-Type"] = "admin";
        context.Request.Headers["X-Backend-User"] = "admin:admin";
        context.Request.Headers["X-Backend-User-Id"] = "1";
        context.Request.Headers["x-backend-anything"] = "lower case too";
        context.Request.Headers["X-Storage-Token"] = "AUTH_tksecret";
        using var proxyRequest = new HttpRequestMessage();

        await new BackendTransformer(Target, Call with { Caller = null }).TransformRequestAsync(context, proxyRequest, "", CancellationToken.None);

        Assert.That(proxyRequest.Headers.Select(h => h.Key), Has.None.StartWith("X-Backend-").IgnoreCase);
        Assert.That(proxyRequest.Headers.Contains("X-Storage-Token"), Is.False);
        Assert.That(proxyRequest.Headers.GetValues("X-Trans-Id").Single(), Is.EqualTo("txabc"), "the proxy's own headers are still sent");
    }

    [Test]
    public async Task TransformResponse_ServerErrorWithRetry_IsHeldBack()
    {
        var context = new DefaultHttpContext();
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var transformer = new BackendTransformer(Target, Call) { RetryOnServerError = true };

        var copy = await transformer.TransformResponseAsync(context, response, CancellationToken.None);

        Assert.That(copy, Is.False);
        Assert.That(transformer.ServerErrorHeldBack, Is.True);
    }

    [Test]
    public async Task TransformResponse_BackendHeaders_AreNotCopiedToTheClient()
    {
        var context = new DefaultHttpContext();
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-Backend-Secret", "1");
        response.Headers.TryAddWithoutValidation("X-Container-Object-Count", "3");

        var copy = await new BackendTransformer(Target, Call).TransformResponseAsync(context, response, CancellationToken.None);

        Assert.That(copy, Is.True);
        Assert.That(context.Response.Headers.ContainsKey("X-Backend-Secret"), Is.False);
        Assert.That(context.Response.Headers["X-Container-Object-Count"].ToString(), Is.EqualTo("3"));
    }
}
