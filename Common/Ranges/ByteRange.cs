namespace CloudFs.Common.Ranges;

/// <summary>A satisfiable byte range resolved against a known entity size; <see cref="Start"/> is inclusive.</summary>
public readonly record struct ByteRange(long Start, long Length)
{
    /// <summary>Last byte offset, inclusive (HTTP's "last-byte-pos").</summary>
    public long End => Start + Length - 1;

    /// <summary>The value of a Content-Range header for this range, e.g. <c>bytes 0-99/1000</c>.</summary>
    public string ToContentRange(long size) => $"bytes {Start}-{End}/{size}";

    /// <summary>The Content-Range value of a 416 answer: <c>bytes */1000</c>.</summary>
    public static string UnsatisfiedContentRange(long size) => $"bytes */{size}";
}
