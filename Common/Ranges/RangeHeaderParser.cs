using System.Globalization;

namespace CloudFs.Common.Ranges;

/// <summary>
/// Parses an HTTP <c>Range</c> header (RFC 9110 §14.2) against a known size. Follows Swift:
/// a header with bad syntax is ignored (full entity), ranges that start past the end are
/// dropped, and only when none is left is the request unsatisfiable. Ranges are kept in the
/// order asked and not merged, so a multipart answer matches what the client listed.
/// </summary>
public static class RangeHeaderParser
{
    /// <summary>More ranges than this is treated as abuse and ignored, as Swift does (it allows 50).</summary>
    public const int MaxRanges = 50;

    public static RangeRequest Parse(string? header, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (string.IsNullOrWhiteSpace(header))
        {
            return RangeRequest.Full;
        }

        // As Swift (swob): the unit is what comes before the first '=', blanks around it allowed.
        var value = header.AsSpan();
        var equals = value.IndexOf('=');
        if (equals < 0 || !value[..equals].Trim().Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return RangeRequest.Full;
        }

        var ranges = new List<ByteRange>();
        var specs = 0;
        var list = value[(equals + 1)..];
        foreach (var part in list.Split(','))
        {
            var spec = list[part].Trim();
            if (spec.IsEmpty)
            {
                continue; // RFC allows empty list elements ("bytes=0-1,,5-6").
            }

            if (++specs > MaxRanges || !TryParseSpec(spec, out var first, out var last))
            {
                return RangeRequest.Full;
            }

            if (Resolve(first, last, size) is { } range)
            {
                ranges.Add(range);
            }
        }

        if (specs == 0)
        {
            return RangeRequest.Full;
        }

        return ranges.Count == 0 ? RangeRequest.Unsatisfiable : new RangeRequest(RangeOutcome.Partial, ranges);
    }

    // "a-b", "a-" or "-n"; first == null means a suffix range of 'last' bytes.
    private static bool TryParseSpec(ReadOnlySpan<char> spec, out long? first, out long? last)
    {
        first = null;
        last = null;
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return false;
        }

        var left = spec[..dash].Trim();
        var right = spec[(dash + 1)..].Trim();
        if (left.IsEmpty && right.IsEmpty)
        {
            return false;
        }

        if (!left.IsEmpty)
        {
            if (!TryParseNumber(left, out var a))
            {
                return false;
            }

            first = a;
        }

        if (!right.IsEmpty)
        {
            if (!TryParseNumber(right, out var b))
            {
                return false;
            }

            last = b;
        }

        return first is null || last is null || first <= last;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        // Digits only: no signs, spaces or exponents.
        return !text.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static ByteRange? Resolve(long? first, long? last, long size)
    {
        if (first is null)
        {
            // Suffix range: the final 'last' bytes; "-0" selects nothing.
            var suffix = Math.Min(last!.Value, size);
            return suffix == 0 ? null : new ByteRange(size - suffix, suffix);
        }

        if (first.Value >= size)
        {
            return null;
        }

        var end = last is null ? size - 1 : Math.Min(last.Value, size - 1);
        return new ByteRange(first.Value, end - first.Value + 1);
    }
}
