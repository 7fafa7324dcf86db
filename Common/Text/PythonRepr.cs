using System.Globalization;
using System.Text;

namespace CloudFs.Common.Text;

/// <summary>
/// Python's <c>repr()</c> of a str, as Swift quotes a client's input in its error messages
/// (tempauth's ACL checks, the container server's X-Container-Sync-To check).
/// </summary>
public static class PythonRepr
{
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ when c < 0x20 || c == 0x7f => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append(quote).ToString();
    }
}
