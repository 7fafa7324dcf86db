namespace CloudFs.Ring;

/// <summary>A deterministic generator for rebalance tie-breaks (splitmix64 stream).</summary>
internal sealed class SeededRandom(long seed)
{
    private ulong _state = (ulong)seed;

    public ulong Next() => StableHash.Mix(_state++);

    /// <summary>A value in [0, bound).</summary>
    public int Next(int bound) => (int)(Next() % (ulong)bound);

    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
