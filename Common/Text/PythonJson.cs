using System.Globalization;
using System.Text;

namespace CloudFs.Common.Text;

/// <summary>
/// JSON text exactly as Python's <c>json.dumps</c> writes it with its defaults (what Swift
/// sends): ", " and ": " separators, and everything outside printable ASCII escaped as
/// lowercase \uXXXX (astral characters as surrogate pairs).
/// </summary>
public static class PythonJson
{
    public static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c is >= ' ' and <= '~')
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    public static void AppendMember(StringBuilder builder, string name, string value, bool first = false)
    {
        builder.Append(first ? "" : ", ");
        AppendString(builder, name);
        builder.Append(": ");
        AppendString(builder, value);
    }

    public static void AppendMember(StringBuilder builder, string name, long value, bool first = false)
    {
        builder.Append(first ? "" : ", ");
        AppendString(builder, name);
        builder.Append(": ").Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public static void AppendMember(StringBuilder builder, string name, bool value, bool first = false)
    {
        builder.Append(first ? "" : ", ");
        AppendString(builder, name);
        builder.Append(": ").Append(value ? "true" : "false");
    }
}
