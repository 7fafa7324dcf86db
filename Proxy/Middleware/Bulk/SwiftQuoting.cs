using System.Text;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Python's <c>urllib.parse.unquote</c>/<c>quote</c> on raw bytes, as bulk applies them to the
/// names it is given and reports: a malformed escape stays literal, and quoting keeps letters,
/// digits, <c>_.-~</c> and <c>/</c>.
/// </summary>
public static class SwiftQuoting
{
    public static byte[] Unquote(ReadOnlySpan<byte> text)
    {
        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'%' && i + 2 < text.Length && HexValue(text[i + 1]) is >= 0 and var high && HexValue(text[i + 2]) is >= 0 and var low)
            {
                output.Add((byte)((high << 4) | low));
                i += 2;
            }
            else
            {
                output.Add(text[i]);
            }
        }

        return [.. output];
    }

    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'_' or (byte)'.' or (byte)'-' or (byte)'~' or (byte)'/')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    public static string Quote(string text) => Quote(Encoding.UTF8.GetBytes(text));

    /// <summary>Swift's check_utf8: the bytes are UTF-8 and hold no NUL.</summary>
    public static bool IsValidName(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
