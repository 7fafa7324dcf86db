using System.Text;

namespace CloudFs.Common.Paths;

/// <summary>
/// The one percent-decoder of every role, as Python's <c>unquote</c> that Swift uses: each
/// %XX escape becomes a byte (a malformed escape stays literal), the bytes must be strict
/// UTF-8. Names are decoded exactly once, from the raw request target.
/// </summary>
public static class PercentDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="text"/>; false when the bytes are not UTF-8.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, bool plusIsSpace, out string value)
    {
        // Escapes only shrink the text and literal characters are encoded as they are, so this bounds the bytes.
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var n = 0;
        var run = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var escape = i < text.Length && text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]);
            var plus = i < text.Length && plusIsSpace && text[i] == '+';
            if (i == text.Length || escape || plus)
            {
                // Literal characters (ASCII, or text the server already decoded) are UTF-8 encoded as they are.
                n += Encoding.UTF8.GetBytes(text[run..i], bytes.AsSpan(n));
                if (escape)
                {
                    bytes[n++] = (byte)((Hex(text[i + 1]) << 4) | Hex(text[i + 2]));
                    i += 2;
                }
                else if (plus)
                {
                    bytes[n++] = (byte)' ';
                }

                run = i + 1;
            }
        }

        try
        {
            value = Strict.GetString(bytes, 0, n);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = "";
            return false;
        }
    }

    /// <summary>A path segment or name: UTF-8 and no NUL, else false (Swift answers 412 "Invalid UTF8 or contains NULL").</summary>
    public static bool TryDecodeName(ReadOnlySpan<char> text, out string value) =>
        TryDecode(text, plusIsSpace: false, out value) && !value.Contains('\0', StringComparison.Ordinal);

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
