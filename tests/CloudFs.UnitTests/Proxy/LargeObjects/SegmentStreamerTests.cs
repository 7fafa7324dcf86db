using System.Collections.Concurrent;
using System.Text;
using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Ranges;
using CloudFs.Common.Time;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.LargeObjects;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

/// <summary>
/// SegmentStreamer against one fake object server (real Kestrel, real backend client): what it
/// asks each blob for, what it answers the client, and that it asks for the next piece while
/// the current one is still being sent.
/// </summary>
public class SegmentStreamerTests
{
    private static readonly CallContext Call = new("txseg", new Timestamp(173_244_123_456_789), null);

    private ConcurrentDictionary<string, byte[]> _blobs = null!;
    private ConcurrentQueue<string> _asked = null!;
    private Func<string, HttpContext, Task>? _hold;
    private FakeBackend _backend = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _blobs = new() { ["a"] = Ascii("0123456789"), ["b"] = Ascii("abcdefghij"), ["c"] = Ascii("KLMNOPQRST") };
        _asked = new();
        _hold = null;
        _backend = await FakeBackend.StartAsync(ObjectServerAsync, nodeTimeoutSeconds: 10);
    }

    [TearDown]
    public async Task TearDownAsync() => await _backend.DisposeAsync();

    // Pieces: "2345678" of a (offset 2), nothing of b, "abcde" of b, "QRS" of c: body "2345678abcdeQRS".
    private static readonly SegmentPiece[] Pieces =
    [
        new("a", 0, 2, 7),
        new("b", 0, 0, 0),
        new("b", 0, 0, 5),
        new("c", 0, 6, 3),
    ];

    [Test]
    public async Task StreamAsync_NoRange_SendsEveryPieceWithBackendRanges()
    {
        var (context, body) = Context();

        await Streamer().StreamAsync(context, Pieces, "text/plain", Call);

        Assert.That(context.Response.StatusCode, Is.EqualTo(200));
        Assert.That(context.Response.ContentLength, Is.EqualTo(15));
        Assert.That(Encoding.ASCII.GetString(body.ToArray()), Is.EqualTo("2345678abcdeQRS"));
        Assert.That(_asked, Is.EqualTo(new[] { "a bytes=2-8", "b bytes=0-4", "c bytes=6-8" }), "the empty piece is never asked for");
    }

    [Test]
    public async Task StreamAsync_OneRange_Answers206WithJustThosePieces()
    {
        var (context, body) = Context("bytes=5-8");

        await Streamer().StreamAsync(context, Pieces, "text/plain", Call);

        Assert.That(context.Response.StatusCode, Is.EqualTo(206));
        Assert.That(context.Response.Headers.ContentRange.ToString(), Is.EqualTo("bytes 5-8/15"));
        Assert.That(Encoding.ASCII.GetString(body.ToArray()), Is.EqualTo("78ab"));
        Assert.That(_asked, Is.EqualTo(new[] { "a bytes=7-8", "b bytes=0-1" }));
    }

    [Test]
    public async Task StreamAsync_SeveralRanges_AnswersMultipartByteranges()
    {
        var (context, body) = Context("bytes=0-1,-3");

        await Streamer().StreamAsync(context, Pieces, "text/plain", Call);

        var type = context.Response.ContentType!;
        var boundary = type[(type.IndexOf("boundary=", StringComparison.Ordinal) + 9)..];
        var expected = new MemoryStream();
        var framing = new MultipartByteRanges([new ByteRange(0, 2), new ByteRange(12, 3)], 15, "text/plain", boundary);
        await framing.WriteAsync(expected, async (r, s, ct) => await s.WriteAsync(Ascii("2345678abcdeQRS").AsMemory((int)r.Start, (int)r.Length), ct), CancellationToken.None);
        Assert.That(context.Response.StatusCode, Is.EqualTo(206));
        Assert.That(context.Response.ContentLength, Is.EqualTo(framing.ContentLength));
        Assert.That(Encoding.ASCII.GetString(body.ToArray()), Is.EqualTo(Encoding.ASCII.GetString(expected.ToArray())));
    }

    [Test]
    public async Task StreamAsync_RangePastTheEnd_Answers416()
    {
        var (context, body) = Context("bytes=15-");

        await Streamer().StreamAsync(context, Pieces, "text/plain", Call);

        Assert.That(context.Response.StatusCode, Is.EqualTo(416));
        Assert.That(context.Response.Headers.ContentRange.ToString(), Is.EqualTo("bytes */15"));
        Assert.That(Encoding.UTF8.GetString(body.ToArray()), Is.EqualTo(SwiftErrorPages.For(416)));
        Assert.That(_asked, Is.Empty);
    }

    [Test]
    public async Task StreamAsync_FirstBlobMissing_Answers503BeforeAnyByte()
    {
        var (context, body) = Context();

        await Streamer().StreamAsync(context, [new SegmentPiece("gone", 0, 0, 4), Pieces[0]], "text/plain", Call);

        Assert.That(context.Response.StatusCode, Is.EqualTo(503));
        Assert.That(Encoding.UTF8.GetString(body.ToArray()), Is.EqualTo(SwiftErrorPages.For(503)));
    }

    [Test]
    public async Task StreamAsync_NextPieceIsAskedForBeforeTheCurrentOneEnds()
    {
        // Blob a sends half its bytes, then waits until the request for b has arrived: without
        // the prefetch the two would wait on each other until the test's timeout.
        var bAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = async (blob, context) =>
        {
            if (blob == "b")
            {
                bAsked.TrySetResult();
            }
            else if (blob == "a")
            {
                await context.Response.Body.FlushAsync();
                await bAsked.Task.WaitAsync(TimeSpan.FromSeconds(5));
            }
        };
        var (context, body) = Context();

        await Streamer().StreamAsync(context, [new SegmentPiece("a", 0, 0, 10), new SegmentPiece("b", 0, 0, 10)], "text/plain", Call);

        Assert.That(Encoding.ASCII.GetString(body.ToArray()), Is.EqualTo("0123456789abcdefghij"));
    }

    private SegmentStreamer Streamer()
    {
        var (rings, selector, limiter, backend) = (_backend.Rings, _backend.Selector, _backend.Limiter, _backend.Options);
        var catalog = new CatalogClient(_backend.Client, rings, selector);
        var symlinks = new CloudFs.Proxy.Symlinks.SymlinkHandler(catalog, TimeProvider.System, Options.Create(new CloudFs.Proxy.Symlinks.SymlinkOptions()));
        var gets = new ObjectGetHandler(catalog, symlinks, rings, selector, _backend.Invoker, limiter,
            new SmallBodyCache(Options.Create(new CloudFs.Proxy.ProxyOptions())), TimeProvider.System, backend,
            NullLogger<ObjectGetHandler>.Instance);
        return new SegmentStreamer(gets, backend, NullLogger<SegmentStreamer>.Instance);
    }

    private static (HttpContext Context, MemoryStream Body) Context(string? range = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        if (range is not null)
        {
            context.Request.Headers.Range = range;
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        return (context, body);
    }

    // Blobs by id, one Range each, as the object server serves them.
    private async Task ObjectServerAsync(HttpContext context)
    {
        var blob = context.Request.Path.Value!.Split('/')[^1];
        var range = context.Request.Headers.Range.ToString();
        _asked.Enqueue($"{blob} {range}");
        if (!_blobs.TryGetValue(blob, out var bytes))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var parsed = RangeHeaderParser.Parse(range, bytes.Length);
        var (start, length) = parsed.Outcome == RangeOutcome.Partial ? (parsed.Ranges[0].Start, parsed.Ranges[0].Length) : (0L, (long)bytes.Length);
        context.Response.StatusCode = parsed.Outcome == RangeOutcome.Partial ? 206 : 200;
        context.Response.ContentLength = length;
        var half = (int)length / 2;
        await context.Response.Body.WriteAsync(bytes.AsMemory((int)start, half));
        if (_hold is { } hold)
        {
            await hold(blob, context);
        }

        await context.Response.Body.WriteAsync(bytes.AsMemory((int)start + half, (int)length - half));
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
