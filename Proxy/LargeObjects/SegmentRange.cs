using System.Globalization;
using CloudFs.Common.Ranges;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// A manifest segment's "range" ("a-b", "a-" or "-n"), read as swob reads one range of a Range
/// header, and resolved against the segment's size once it is known.
/// </summary>
public readonly record struct SegmentRange(long? First, long? Last)
{
    /// <summary>One range, or null when the text is not one (several ranges: <paramref name="multiple"/>).</summary>
    public static SegmentRange? TryParse(string text, out bool multiple)
    {
        multiple = false;
        var value = text.Replace(" ", "", StringComparison.Ordinal);
        var specs = value.Split(',');
        if (specs.Length > 1)
        {
            multiple = specs.All(s => Parse(s) is not null);
            return null;
        }

        return Parse(value);
    }

    /// <summary>The bytes of a <paramref name="size"/>-byte object this range selects; null when unsatisfiable.</summary>
    public ByteRange? Resolve(long size)
    {
        if (First is null)
        {
            var count = Math.Min(Last!.Value, size);
            return count == 0 ? null : new ByteRange(size - count, count);
        }

        if (First.Value >= size)
        {
            return null;
        }

        var end = Last is { } last ? Math.Min(last, size - 1) : size - 1;
        return new ByteRange(First.Value, end - First.Value + 1);
    }

    private static SegmentRange? Parse(string spec)
    {
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var (head, tail) = (spec[..dash], spec[(dash + 1)..]);
        var first = head.Length == 0 ? null : Number(head);
        var last = tail.Length == 0 ? null : Number(tail);
        if ((head.Length > 0 && first is null) || (tail.Length > 0 && last is null) || (first is null && last is null)
            || (first is { } f && last is { } l && l < f))
        {
            return null;
        }

        return new SegmentRange(first, last);
    }

    private static long? Number(string digits) =>
        digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
