using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Bodies of small objects by blob id, kept in this proxy's memory when it stores or serves
/// them, so the next whole-object GET of one skips the object server. A blob id names one body
/// for ever (an upload gets a new id, a copy shares the id and the bytes), so an entry cannot
/// go stale: whether the object still exists, and under which headers, is the catalog's answer
/// that every GET resolves first. Objects are read most soon after they are written, which is
/// why Haystack's cache keeps recent uploads; a read fills it too. Eviction, by size and least
/// recent use, is MemoryCache's.
/// </summary>
public sealed class SmallBodyCache : IDisposable
{
    // What an entry costs beyond its bytes (the entry object, its key and the array header),
    // counted against the budget so many tiny bodies cannot hold more memory than it says.
    private const int EntryOverhead = 256;

    private readonly MemoryCache? _cache;
    private readonly int _maxObjectBytes;
    private long _hits;
    private long _misses;

    public SmallBodyCache(IOptions<ProxyOptions> options)
    {
        var o = options.Value.SmallBodyCache;
        _maxObjectBytes = o.MaxObjectBytes;
        if (o.MaxBytes > 0 && o.MaxObjectBytes > 0)
        {
            // A tenth at a time: compaction runs when an entry does not fit, and the entries that
            // arrive meanwhile are refused, so it should leave room for a while.
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = o.MaxBytes, CompactionPercentage = 0.1, TrackStatistics = true });
        }
    }

    /// <summary>Whole-object reads answered from memory since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Whole-object reads of a body small enough to be kept that went to an object server.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Bytes held, entry overhead included.</summary>
    public long Size => _cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Whether a body of <paramref name="bytes"/> bytes is one this cache keeps.</summary>
    public bool Keeps(long bytes) => _cache is not null && bytes > 0 && bytes <= _maxObjectBytes;

    /// <summary>The kept body of <paramref name="blobId"/> when it has <paramref name="bytes"/> bytes; null on a miss (counted).</summary>
    public byte[]? Find(string blobId, long bytes)
    {
        if (_cache is not null && _cache.TryGetValue(blobId, out var value) && value is byte[] body && body.Length == bytes)
        {
            Interlocked.Increment(ref _hits);
            return body;
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Keeps <paramref name="body"/>, the whole body of <paramref name="blobId"/>; the caller no longer writes to it.</summary>
    public void Keep(string blobId, byte[] body)
    {
        if (!Keeps(body.Length))
        {
            return;
        }

        using var entry = _cache!.CreateEntry(blobId);
        entry.Size = body.Length + EntryOverhead;
        entry.Value = body;
    }

    public void Dispose() => _cache?.Dispose();
}
