using System.Collections.Concurrent;
using System.Security.Cryptography;
using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Proxy;

/// <summary>
/// The PUT fan-out against three fake object servers (devices "ok1", "ok2", and one the test
/// names for its behaviour), all on one in-process Kestrel.
/// </summary>
public class ReplicaWriterTests
{
    private const string BlobId = "0123456789abcdef0123456789abcdef";
    private static readonly CallContext Call = new("txput", new Timestamp(173_244_123_456_789), new BackendCaller(7, "test:tester", "owner"));

    // NUnit shares one fixture instance between tests: everything is made fresh in SetUp.
    private ConcurrentDictionary<string, string> _stored = null!;
    private ConcurrentDictionary<string, string> _headers = null!;
    private TaskCompletionSource _releaseSlow = null!;
    private FakeRoleServer _server = null!;
    private BackendInvoker _invoker = null!;
    private NodeErrorLimiter _limiter = null!;
    private IOptions<ProxyOptions> _options = null!;
    private IOptions<BackendOptions> _backend = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _stored = new();
        _headers = new();
        _releaseSlow = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _server = await FakeRoleServer.StartAsync(ObjectServerAsync);
        _options = Options.Create(new ProxyOptions { PutChunkSize = 64 * 1024, PutQueueChunks = 2 });
        // Long enough that a healthy replica is never taken for a stalled one on a loaded machine
        // (2 s dropped one of 32 MiB in a run at load average 17).
        _backend = Options.Create(new BackendOptions { NodeTimeoutSeconds = 6, ErrorSuppressionLimit = 1 });
        _invoker = new BackendInvoker(_backend, Options.Create(new CloudFs.Common.Hosting.ClusterOptions()), TimeProvider.System);
        _limiter = new NodeErrorLimiter(_backend, TimeProvider.System);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        _releaseSlow.TrySetResult();
        _invoker.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task PutAsync_AllReplicasHealthy_EachStoresTheBodyReadOnce()
    {
        var body = RandomNumberGenerator.GetBytes(1_000_000);
        var client = new ReadOnceStream(body);

        var result = await Writer().PutAsync(client, body.Length, Nodes("ok3"), 5, BlobId, 0, null, Call, CancellationToken.None);

        var md5 = Md5(body);
        Assert.That(result.Error, Is.Null);
        Assert.That(result.Md5, Is.EqualTo(md5));
        Assert.That(result.Bytes, Is.EqualTo(body.Length));
        Assert.That(result.Answers.Select(a => a.Status), Is.EqualTo(new[] { 201, 201, 201 }));
        Assert.That(result.Durable, Is.EqualTo(3));
        Assert.That(client.BytesRead, Is.EqualTo(body.Length), "the client body is read once, not once per replica");
        Assert.That(_stored.Keys, Is.EquivalentTo(new[] { "ok1", "ok2", "ok3" }));
        Assert.That(_stored.Values, Has.All.EqualTo(Md5(body)));
        Assert.That(_headers["ok1"], Is.EqualTo("/ok1/5/blobs/" + BlobId + " txput 1732441234.56789"));
    }

    [Test]
    public async Task PutAsync_OneReplicaRefuses_QuorumOfTwoStoresTheBody()
    {
        var body = RandomNumberGenerator.GetBytes(500_000);

        var result = await Writer().PutAsync(new ReadOnceStream(body), body.Length, Nodes("full"), 5, BlobId, 0, null, Call, CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Answers.Select(a => (a.Node.Device, a.Status)), Is.EquivalentTo(new[] { ("ok1", 201), ("ok2", 201), ("full", 507) }));
        Assert.That(result.Durable, Is.EqualTo(2));
        Assert.That(Quorum.IsMet(result.Durable, 3), Is.True);
        Assert.That(_stored.Keys, Is.EquivalentTo(new[] { "ok1", "ok2" }));
        Assert.That(_stored.Values, Has.All.EqualTo(Md5(body)));
        Assert.That(_limiter.IsLimited(result.Answers.Single(a => a.Status == 507).Node), Is.True, "a 5xx answer counts against the node");
    }

    [Test]
    public async Task PutAsync_TwoReplicasRefuse_StopsReadingOnceQuorumIsOutOfReach()
    {
        var body = RandomNumberGenerator.GetBytes(16 * 1024 * 1024);
        var client = new ReadOnceStream(body);
        var nodes = new[] { _server.Device(0, "ok1"), _server.Device(1, "full"), _server.Device(2, "full2") };

        var result = await Writer().PutAsync(client, body.Length, nodes, 5, BlobId, 0, null, Call, CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Durable, Is.LessThan(Quorum.Size(3)));
        Assert.That(result.Answers.Where(a => a.Node.Device != "ok1").Select(a => a.Status), Has.All.EqualTo(507));
        Assert.That(client.BytesRead, Is.LessThan(body.Length), "the rest of the body is not read for nothing");
        Assert.That(_stored.ContainsKey("ok1"), Is.False, "the last healthy replica is aborted too");
    }

    [Test]
    public async Task PutAsync_OneReplicaStalls_DroppedAfterNodeTimeoutAndTheOthersStore()
    {
        // Bigger than the socket buffers, so the stalled replica's queue really fills up.
        var body = RandomNumberGenerator.GetBytes(32 * 1024 * 1024);

        var result = await Writer().PutAsync(new ReadOnceStream(body), body.Length, Nodes("slow"), 5, BlobId, 0, null, Call, CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        var answers = string.Join(", ", result.Answers.Select(a => $"{a.Node.Device}={a.Status}/{a.Etag}"));
        Assert.That(result.Answers.Single(a => a.Node.Device == "slow").Status, Is.Zero, "no answer from the stalled replica");
        Assert.That(result.Durable, Is.EqualTo(2), answers + " md5=" + result.Md5 + " bytes=" + result.Bytes);
        Assert.That(_stored.Keys, Is.EquivalentTo(new[] { "ok1", "ok2" }));
        Assert.That(_stored.Values, Has.All.EqualTo(Md5(body)));
        Assert.That(_limiter.IsLimited(result.Answers.Single(a => a.Status == 0).Node), Is.True);
    }

    [Test]
    public async Task PutAsync_ClientSendsLessThanAnnounced_ErrorAndNothingStored()
    {
        var body = RandomNumberGenerator.GetBytes(100_000);

        var result = await Writer().PutAsync(new ReadOnceStream(body), body.Length + 1, Nodes("ok3"), 5, BlobId, 0, null, Call, CancellationToken.None);

        Assert.That(result.Error?.Kind, Is.EqualTo(CloudFs.Common.Results.CloudFsErrorKind.ClientClosedRequest));
        Assert.That(result.Answers, Is.Empty);
        Assert.That(_stored, Is.Empty, "every replica's upload was aborted");
    }

    [Test]
    public async Task PutAsync_BodyOverMaxFileSize_Is413AndNothingStored()
    {
        _options.Value.MaxFileSize = 100_000;
        var body = RandomNumberGenerator.GetBytes(300_000);

        var result = await Writer().PutAsync(new ReadOnceStream(body), null, Nodes("ok3"), 5, BlobId, 0, null, Call, CancellationToken.None);

        Assert.That(result.Error?.Kind, Is.EqualTo(CloudFs.Common.Results.CloudFsErrorKind.RequestEntityTooLarge));
        Assert.That(_stored, Is.Empty);
    }

    [Test]
    public async Task PutAsync_ExpectedEtag_IsSentToEveryReplica()
    {
        var body = "hello"u8.ToArray();

        var result = await Writer().PutAsync(new ReadOnceStream(body), body.Length, Nodes("ok3"), 5, BlobId, 0, "5d41402abc4b2a76b9719d911017c592", Call, CancellationToken.None);

        Assert.That(result.Durable, Is.EqualTo(3));
        Assert.That(_headers.Keys, Is.EquivalentTo(new[] { "ok1", "ok2", "ok3", "ok1:etag", "ok2:etag", "ok3:etag" }));
        Assert.That(_headers.Where(h => h.Key.EndsWith(":etag", StringComparison.Ordinal)).Select(h => h.Value), Has.All.EqualTo("5d41402abc4b2a76b9719d911017c592"));
    }

    private static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private RingDevice[] Nodes(string third) => [_server.Device(0, "ok1"), _server.Device(1, "ok2"), _server.Device(2, third)];

    private ReplicaWriter Writer() => new(_invoker, _limiter, _options, _backend, NullLogger<ReplicaWriter>.Instance);

    // PUT /{device}/{partition}/blobs/{id}: "full*" refuses before reading the body, "slow" does
    // not read until the test ends, the others store the body and answer its MD5.
    private async Task ObjectServerAsync(HttpContext context)
    {
        var device = context.Request.Path.Value!.Split('/')[1];
        _headers[device] = $"{context.Request.Path} {context.Request.Headers["X-Trans-Id"]} {context.Request.Headers["X-Timestamp"]}";
        if (context.Request.Headers.ETag.Count > 0)
        {
            _headers[device + ":etag"] = context.Request.Headers.ETag.ToString();
        }

        if (device.StartsWith("full", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
            return;
        }

        if (device == "slow")
        {
            await _releaseSlow.Task;
        }

        using var copy = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(copy, context.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return; // the proxy aborted this upload: store nothing
        }

        _stored[device] = Md5(copy.ToArray());
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.ETag = "\"" + Md5(copy.ToArray()) + "\"";
    }
}
