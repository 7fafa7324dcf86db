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

    public bool IsLimited(RingDevice node)
    {
        if (!_errors.TryGetValue(Key(node), out var state))
        {
            return false;
        }

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
        public int Count { get; set; }

        public DateTimeOffset LastError { get; set; }
    }
}
