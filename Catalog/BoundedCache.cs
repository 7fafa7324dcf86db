using System.Collections.Concurrent;

namespace CloudFs.Catalog;

/// <summary>
/// Values computed once per key, for keys that mostly repeat (SQL texts): once the bound is
/// reached, further keys are computed on each call and not kept, so texts built per request
/// cannot grow it without end.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new();

    // Counted apart: ConcurrentDictionary.Count takes every lock of the table.
    private int _count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        if (_values.TryGetValue(key, out var value))
        {
            return value;
        }

        value = compute(key);
        if (Volatile.Read(ref _count) < capacity && _values.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
