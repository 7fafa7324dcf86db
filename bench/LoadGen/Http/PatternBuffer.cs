namespace CloudFs.Bench.LoadGen.Http;

/// <summary>One MiB of pseudo-random bytes, made once, from which every body is cut.</summary>
public static class PatternBuffer
{
    public const int Length = 1 << 20;

    private static readonly byte[] s_bytes = Create();

    public static ReadOnlyMemory<byte> Bytes => s_bytes;

    /// <summary>The first <paramref name="size"/> bytes (at most one MiB) as an array of its own.</summary>
    public static byte[] Slice(int size) => s_bytes.AsSpan(0, Math.Min(size, Length)).ToArray();

    private static byte[] Create()
    {
        var bytes = new byte[Length];
        new Random(20261124).NextBytes(bytes);
        return bytes;
    }
}
