using System.Text;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Swift orders names by the bytes of their UTF-8 form, which is code point order. .NET's
/// ordinal string order is UTF-16 code unit order and differs for names mixing astral
/// characters (surrogates) with U+E000..U+FFFF, so listings compare with this instead.
/// </summary>
public static class Utf8Order
{
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                return Weight(x).CompareTo(Weight(y));
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>
    /// Swift's <c>s[:-1] + chr(ord(s[-1]) + 1)</c>: the smallest string above every string
    /// that starts with <paramref name="value"/> (value must not be empty).
    /// </summary>
    public static string NextAfter(string value)
    {
        var last = Rune.GetRuneAt(value, value.Length - (value.Length >= 2 && char.IsLowSurrogate(value[^1]) ? 2 : 1));
        var head = value[..^last.Utf16SequenceLength];
        var next = last.Value + 1;
        if (next is >= 0xD800 and <= 0xDFFF)
        {
            next = 0xE000;
        }

        return next > 0x10FFFF ? value + "\uFFFF" : head + new Rune(next);
    }

    // Surrogates (astral code points) sort above every BMP character in UTF-8; lift them there.
    private static int Weight(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
