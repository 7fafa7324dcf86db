using System.Globalization;

namespace CloudFs.Common.Ranges;

/// <summary>
/// Parses an HTTP <c>Range</c> header against a known size as Swift's swob does, since clients
/// are written against its answers: blanks anywhere are dropped, one malformed item (an empty
/// one included) makes the whole header ignored (full entity), ranges past the end are dropped,
/// and none left, more than 50, more than two overlapping or eight out of order is
/// unsatisfiable. Ranges are kept in the order asked and not merged.
/// </summary>
public static class RangeHeaderParser
{
    /// <summary>More satisfiable ranges than this answer 416, as Swift's MAX_RANGES.</summary>
    public const int MaxRanges = 50;

    private const int MaxOverlaps = 2;
    private const int MaxNonAscending = 8;

    public static RangeRequest Parse(string? header, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (string.IsNullOrWhiteSpace(header))
        {
            return RangeRequest.Full;
        }

        var value = header.Replace(" ", "", StringComparison.Ordinal);
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return RangeRequest.Full;
        }

        var ranges = new List<ByteRange>();
        foreach (var spec in value[6..].Split(','))
        {
            if (!TryParseSpec(spec, out var first, out var last))
            {
                return RangeRequest.Full;
            }

            if (Resolve(first, last, size) is { } range)
            {
                ranges.Add(range);
            }
        }

        if (ranges.Count == 0 || ranges.Count > MaxRanges || Overlaps(ranges) > MaxOverlaps
            || (ranges.Count >= MaxNonAscending && !Ascending(ranges)))
        {
            return RangeRequest.Unsatisfiable;
        }

        // A suffix range of an empty entity: nothing to point a Content-Range at, so the whole
        // (empty) entity, as Swift, Apache and nginx answer.
        return size == 0 ? RangeRequest.Full : new RangeRequest(RangeOutcome.Partial, ranges);
    }

    // "a-b", "a-" or "-n"; first == null means a suffix range of 'last' bytes.
    private static bool TryParseSpec(string spec, out long? first, out long? last)
    {
        first = null;
        last = null;
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        // Python's int() reads the start: white space around it and a leading '+' pass.
        var left = spec[..dash].Trim();
        var right = spec[(dash + 1)..];
        if (left.Length > 0)
        {
            if (!TryParseDigits(left.StartsWith('+') ? left[1..] : left, out var a))
            {
                return false;
            }

            first = a;
        }

        if (right.Length > 0)
        {
            if (!TryParseDigits(right, out var b) || (first is { } start && b < start))
            {
                return false;
            }

            last = b;
        }

        return first is not null || last is not null;
    }

    // Digits only; a number too big for a long is as good as "the end" (Python's ints are unbounded).
    private static bool TryParseDigits(string text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = long.MaxValue;
        }

        return true;
    }

    private static ByteRange? Resolve(long? first, long? last, long size)
    {
        if (first is null)
        {
            // Suffix range: the final 'last' bytes (all of them when it asks for more); "-0" selects nothing.
            return last == 0 ? null : new ByteRange(size - Math.Min(last!.Value, size), Math.Min(last!.Value, size));
        }

        if (first.Value >= size)
        {
            return null;
        }

        var end = last is null ? size - 1 : Math.Min(last.Value, size - 1);
        return new ByteRange(first.Value, end - first.Value + 1);
    }

    private static int Overlaps(List<ByteRange> ranges)
    {
        var overlaps = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                var (s1, e1) = (ranges[i].Start, ranges[i].Start + ranges[i].Length);
                var (s2, e2) = (ranges[j].Start, ranges[j].Start + ranges[j].Length);
                if ((s1 < s2 && s2 < e1) || (s1 < e2 && e2 < e1) || (s2 < s1 && s1 < e2) || (s2 < e1 && e1 < e2))
                {
                    overlaps++;
                }
            }
        }

        return overlaps;
    }

    private static bool Ascending(List<ByteRange> ranges)
    {
        for (var i = 1; i < ranges.Count; i++)
        {
            var (a, b) = (ranges[i - 1], ranges[i]);
            if (a.Start > b.Start || (a.Start == b.Start && a.Length > b.Length))
            {
                return false;
            }
        }

        return true;
    }
}
