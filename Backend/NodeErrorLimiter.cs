using System.Collections.Concurrent;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend;

/// <summary>
/// Swift's error limiter: a node that has failed <c>ErrorSuppressionLimit</c> times is skipped
/// for <c>ErrorSuppressionIntervalSeconds</c> after its last error; a success clears its count.
/// </summary>
public sealed class NodeErrorLimiter(IOptions<BackendOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, NodeErrors> _errors = new(StringComparer.Ordinal);

    public bool IsLimited(RingDevice node) =>
        _errors.TryGetValue(Key(node), out var state) && IsLimited(state);

    /// <summary>Errors recorded per node ("host:port/device") since start, for /metrics.</summary>
    public IEnumerable<(string Node, long Errors)> ErrorTotals() =>
        _errors.Select(e => (e.Key, Interlocked.Read(ref e.Value.Total)));

    /// <summary>How many nodes are being skipped right now, for /metrics.</summary>
    public int LimitedCount() => _errors.Values.Count(IsLimited);

    /// <summary>The nodes ("host:port/device") being skipped right now, for alerts.</summary>
    public IEnumerable<string> LimitedNodes() => _errors.Where(e => IsLimited(e.Value)).Select(e => e.Key).Order(StringComparer.Ordinal);

    private bool IsLimited(NodeErrors state)
    {
        lock (state)
        {
            var interval = TimeSpan.FromSeconds(options.Value.ErrorSuppressionIntervalSeconds);
            if (time.GetUtcNow() - state.LastError > interval)
            {
                state.Count = 0;
            }

            return state.Count >= options.Value.ErrorSuppressionLimit;
        }
    }

    public void RecordError(RingDevice node)
    {
        var state = _errors.GetOrAdd(Key(node), _ => new NodeErrors());
        Interlocked.Increment(ref state.Total);
        lock (state)
        {
            state.Count++;
            state.LastError = time.GetUtcNow();
        }
    }

    public void RecordSuccess(RingDevice node)
    {
        if (_errors.TryGetValue(Key(node), out var state))
        {
            lock (state)
            {
                state.Count = 0;
            }
        }
    }

    private static string Key(RingDevice node) => node.Endpoint + "/" + node.Device;

    private sealed class NodeErrors
    {
        public long Total;

        public int Count { get; set; }

        public DateTimeOffset LastError { get; set; }
    }
}
