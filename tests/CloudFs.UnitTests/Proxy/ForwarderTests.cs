using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Forwarding;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Outcome = CloudFs.UnitTests.Proxy.FakeHttpForwarder.Outcome;

namespace CloudFs.UnitTests.Proxy;

public class ForwarderTests
{
    private static readonly RingDevice First = new(0, 1, 1, "127.0.0.1", 7012, "d1", 100);
    private static readonly RingDevice Second = new(1, 1, 2, "127.0.0.2", 7012, "d2", 100);
    private static readonly CallContext Call = new("txfwd", new Timestamp(173_244_123_456_789), new BackendCaller(7, "test:tester", "owner"));

    private readonly IOptions<BackendOptions> _options = Options.Create(new BackendOptions { ErrorSuppressionLimit = 1 });
    private BackendInvoker _invoker = null!;
    private NodeErrorLimiter _limiter = null!;

    [SetUp]
    public void SetUp()
    {
        _invoker = new BackendInvoker(_options, Options.Create(new CloudFs.Common.Hosting.ClusterOptions()), TimeProvider.System);
        _limiter = new NodeErrorLimiter(_options, new ManualTimeProvider(DateTimeOffset.UnixEpoch));
    }

    [TearDown]
    public void TearDown() => _invoker.Dispose();

    [Test]
    public async Task ForwardAsync_Get_SendsFunctionalUrlCallHeadersAndExtraHeaders()
    {
        var fake = new FakeHttpForwarder(new Outcome(200, "listing"));
        var context = Context("GET");

        await Create(fake).ForwardAsync(context, [First], node => $"/{node.Device}/5/AUTH_test/c?format=json", Call,
            new Dictionary<string, string> { ["X-Forwarded-Host"] = "proxy.example" });

        var sent = fake.Sent.Single();
        Assert.That(sent.RequestUri!.OriginalString, Is.EqualTo("http://127.0.0.1:7012/d1/5/AUTH_test/c?format=json"));
        Assert.That(sent.Headers.GetValues("X-Trans-Id").Single(), Is.EqualTo("txfwd"));
        Assert.That(sent.Headers.GetValues("X-Backend-User").Single(), Is.EqualTo("test:tester"));
        Assert.That(sent.Headers.GetValues("X-Forwarded-Host").Single(), Is.EqualTo("proxy.example"));
        Assert.That(context.Response.StatusCode, Is.EqualTo(200));
        Assert.That(Body(context), Is.EqualTo("listing"));
    }

    [Test]
    public async Task ForwardAsync_GetFirstNodeServerError_AnswerFromNextNodeAndFirstIsErrorLimited()
    {
        var fake = new FakeHttpForwarder(new Outcome(503, "first is sick"), new Outcome(200, "from second"));
        var context = Context("GET");

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test", Call);

        Assert.That(fake.Sent.Select(r => r.RequestUri!.Host), Is.EqualTo(new[] { "127.0.0.1", "127.0.0.2" }));
        Assert.That(context.Response.StatusCode, Is.EqualTo(200));
        Assert.That(Body(context), Is.EqualTo("from second"), "the held-back 5xx answer never reaches the client");
        Assert.That(_limiter.IsLimited(First), Is.True);
        Assert.That(_limiter.IsLimited(Second), Is.False);
    }

    [Test]
    public async Task ForwardAsync_HeadFirstNodeUnreachable_TriesNextNode()
    {
        var fake = new FakeHttpForwarder(Outcome.Failed(ForwarderError.Request), new Outcome(204));
        var context = Context("HEAD");

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test", Call);

        Assert.That(fake.Sent, Has.Count.EqualTo(2));
        Assert.That(context.Response.StatusCode, Is.EqualTo(204));
        Assert.That(_limiter.IsLimited(First), Is.True);
    }

    [Test]
    public async Task ForwardAsync_GetLastNodeServerError_CopiesItsAnswerAndLimitsBothNodes()
    {
        var fake = new FakeHttpForwarder(new Outcome(500, "one"), new Outcome(507, "two"));
        var context = Context("GET");

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test", Call);

        Assert.That(fake.Sent, Has.Count.EqualTo(2));
        Assert.That(context.Response.StatusCode, Is.EqualTo(507));
        Assert.That(Body(context), Is.EqualTo("two"));
        Assert.That(_limiter.IsLimited(First), Is.True);
        Assert.That(_limiter.IsLimited(Second), Is.True);
    }

    [Test]
    public async Task ForwardAsync_PutWithBodyServerError_IsNotRetried()
    {
        var fake = new FakeHttpForwarder(new Outcome(500, "failed"), new Outcome(201));
        var context = Context("PUT");
        context.Request.ContentLength = 5;

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test/c", Call);

        Assert.That(fake.Sent, Has.Count.EqualTo(1), "the body may have been read: never sent twice");
        Assert.That(context.Response.StatusCode, Is.EqualTo(500));
    }

    [Test]
    public async Task ForwardAsync_PostTransportError_IsNotRetriedAndAnswers503()
    {
        var fake = new FakeHttpForwarder(Outcome.Failed(ForwarderError.RequestBodyDestination), new Outcome(204));
        var context = Context("POST");
        context.Request.Headers.TransferEncoding = "chunked";

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test/c", Call);

        Assert.That(fake.Sent, Has.Count.EqualTo(1));
        Assert.That(context.Response.StatusCode, Is.EqualTo(503));
    }

    [Test]
    public async Task ForwardAsync_ClientStopsSendingTheBody_Answers499AndTheNodeKeepsItsGoodName()
    {
        var fake = new FakeHttpForwarder(Outcome.Failed(ForwarderError.RequestBodyClient), new Outcome(204));
        var context = Context("POST");
        context.Request.Headers.TransferEncoding = "chunked";

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test/c", Call);

        Assert.That(fake.Sent, Has.Count.EqualTo(1));
        Assert.That(context.Response.StatusCode, Is.EqualTo(499));
        Assert.That(_limiter.IsLimited(First), Is.False);
    }

    [Test]
    public async Task ForwardAsync_EveryNodeUnreachable_Answers503()
    {
        var fake = new FakeHttpForwarder(Outcome.Failed(ForwarderError.Request), Outcome.Failed(ForwarderError.RequestTimedOut));
        var context = Context("GET");

        await Create(fake).ForwardAsync(context, [First, Second], _ => "/d/1/AUTH_test", Call);

        Assert.That(fake.Sent, Has.Count.EqualTo(2));
        Assert.That(context.Response.StatusCode, Is.EqualTo(503));
    }

    [Test]
    public async Task ForwardAsync_NoNodes_Answers503WithoutSending()
    {
        var fake = new FakeHttpForwarder();
        var context = Context("GET");

        await Create(fake).ForwardAsync(context, [], _ => "/", Call);

        Assert.That(fake.Sent, Is.Empty);
        Assert.That(context.Response.StatusCode, Is.EqualTo(503));
    }

    private static DefaultHttpContext Context(string method)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        context.Request.Method = method;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context) =>
        System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    private Forwarder Create(FakeHttpForwarder fake) => new(fake, _invoker, _limiter, _options, NullLogger<Forwarder>.Instance);
}
