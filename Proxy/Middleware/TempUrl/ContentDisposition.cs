using System.Text;

namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>The Content-Disposition a temp URL GET or HEAD answers with, as Swift words it.</summary>
public static class ContentDisposition
{
    /// <summary>
    /// <c>inline</c> / <c>attachment</c> from the query first, then the object's own
    /// Content-Disposition, then an attachment named after the object.
    /// </summary>
    public static string Choose(bool inline, string? filename, string? existing, string objectPath)
    {
        var value = inline
            ? filename is { Length: > 0 } ? Format("inline", filename) : "inline"
            : filename is { Length: > 0 } ? Format("attachment", filename)
            : existing is { Length: > 0 } ? existing
            : Format("attachment", Path.GetFileName(objectPath.TrimEnd('/')));
        return value.Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>RFC 6266 with an RFC 5987 <c>filename*</c> (charset, empty language, then the name).</summary>
    public static string Format(string type, string filename) =>
        $"{type}; filename=\"{Quote(filename, " /")}\"; filename*=UTF-8''{Quote(filename, "/")}";

    /// <summary>Python's <c>urllib.parse.quote</c>: UTF-8, unreserved and <paramref name="safe"/> kept, the rest %XX.</summary>
    public static string Quote(string value, string safe)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~' || (b < 128 && safe.Contains(c)))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
