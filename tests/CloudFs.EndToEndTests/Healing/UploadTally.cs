using System.Collections.Concurrent;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// What the uploads of a probe were answered: which objects got their 201 (at once or after
/// retried 503s), how many 503s were retried, and every other answer as a failure.
/// </summary>
public sealed class UploadTally
{
    private int _firstTry;
    private int _afterRetry;
    private int _retried503;

    public ConcurrentDictionary<string, bool> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Object name → what went wrong (a status other than 201 or 503, an exception, 503s past the deadline).</summary>
    public ConcurrentDictionary<string, string> Failed { get; } = new(StringComparer.Ordinal);

    public int CreatedFirstTry => Volatile.Read(ref _firstTry);

    public int CreatedAfterRetry => Volatile.Read(ref _afterRetry);

    /// <summary>503 answers the uploader retried (the catalog down at admission).</summary>
    public int Retried503 => Volatile.Read(ref _retried503);

    public int Done => Acknowledged.Count + Failed.Count;

    public void Created(string name, bool retried)
    {
        Acknowledged[name] = true;
        Interlocked.Increment(ref retried ? ref _afterRetry : ref _firstTry);
    }

    public void Retry() => Interlocked.Increment(ref _retried503);

    public override string ToString() =>
        $"{Acknowledged.Count} answered 201 ({CreatedFirstTry} at once, {CreatedAfterRetry} after retrying 503s), {Retried503} 503s retried, {Failed.Count} failed" +
        (Failed.IsEmpty ? "" : ": " + string.Join("; ", Failed.Take(5).Select(f => $"{f.Key}: {f.Value}")));
}
