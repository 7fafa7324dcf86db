using System.Text;
using CloudFs.Proxy;
using CloudFs.Proxy.Objects;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Proxy;

/// <summary>The proxy's small-body cache: what it keeps, what it answers, the memory it may hold; and the body copy a PUT makes for it.</summary>
public class SmallBodyCacheTests
{
    private static SmallBodyCache Cache(long maxBytes = 1 << 20, int maxObjectBytes = 4096) =>
        new(Options.Create(new ProxyOptions { SmallBodyCache = new SmallBodyCacheOptions { MaxBytes = maxBytes, MaxObjectBytes = maxObjectBytes } }));

    [Test]
    public void Keeps_OnlyNonEmptyBodiesUpToTheObjectLimit()
    {
        using var cache = Cache(maxObjectBytes: 4096);

        Assert.That(cache.Keeps(1), Is.True);
        Assert.That(cache.Keeps(4096), Is.True);
        Assert.That(cache.Keeps(4097), Is.False);
        Assert.That(cache.Keeps(0), Is.False, "an empty object has no blob to read");
    }

    [Test]
    public void Find_KeptBody_IsAHit_OtherIdOrLength_IsAMiss()
    {
        using var cache = Cache();
        var body = Encoding.ASCII.GetBytes("hello");
        cache.Keep("blob1", body);

        Assert.That(cache.Find("blob1", 5), Is.SameAs(body));
        Assert.That(cache.Find("blob2", 5), Is.Null);
        Assert.That(cache.Find("blob1", 6), Is.Null, "a length that is not the record's is never served");
        Assert.That((cache.Hits, cache.Misses), Is.EqualTo((1L, 2L)));
    }

    [Test]
    public void Keep_BodyOverTheObjectLimit_IsNotKept()
    {
        using var cache = Cache(maxObjectBytes: 10);
        cache.Keep("big", new byte[11]);

        Assert.That(cache.Find("big", 11), Is.Null);
        Assert.That(cache.Size, Is.Zero);
    }

    [Test]
    public void Keep_ManyBodies_MemoryStaysWithinTheBudget()
    {
        using var cache = Cache(maxBytes: 64 * 1024, maxObjectBytes: 4096);
        for (var i = 0; i < 200; i++)
        {
            cache.Keep($"blob{i}", new byte[1000]);
            Assert.That(cache.Size, Is.LessThanOrEqualTo(64 * 1024));
        }

        Assert.That(cache.Size, Is.GreaterThan(32 * 1024), "it does hold bodies up to its budget");
    }

    [Test]
    public void MaxBytesZero_KeepsNothing()
    {
        using var cache = Cache(maxBytes: 0);
        cache.Keep("blob1", new byte[10]);

        Assert.That(cache.Keeps(10), Is.False);
        Assert.That(cache.Find("blob1", 10), Is.Null);
    }

    [Test]
    public async Task CapturedBody_ReadInPieces_KeepsTheWholeBody()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var captured = new CapturedBody(new TrickleStream(data, 7), data.Length);
        var read = new MemoryStream();

        await captured.CopyToAsync(read, 100);

        Assert.That(read.ToArray(), Is.EqualTo(data), "the reader gets every byte");
        Assert.That(captured.Body, Is.EqualTo(data));
    }

    [Test]
    public async Task CapturedBody_ShorterThanAnnounced_KeepsNothing()
    {
        var captured = new CapturedBody(new MemoryStream(new byte[99]), 100);
        await captured.CopyToAsync(Stream.Null);

        Assert.That(captured.Body, Is.Null);
    }

    [Test]
    public async Task CapturedBody_LongerThanAnnounced_KeepsNothing()
    {
        var captured = new CapturedBody(new MemoryStream(new byte[101]), 100);
        await captured.CopyToAsync(Stream.Null);

        Assert.That(captured.Body, Is.Null);
    }

    /// <summary>Hands out at most <c>step</c> bytes per read, as a socket does.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }
}
