using System.Text;

namespace CloudFs.ContainerServer.Core;

/// <summary>Escaping as Python's ElementTree serialises text and attribute values.</summary>
public static class XmlText
{
    public static string Text(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Attribute(string value) =>
        Text(value).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("\r", "&#13;", StringComparison.Ordinal)
            .Replace("\n", "&#10;", StringComparison.Ordinal)
            .Replace("\t", "&#09;", StringComparison.Ordinal);

    /// <summary><c>&lt;tag&gt;text&lt;/tag&gt;</c>, or <c>&lt;tag /&gt;</c> for empty text.</summary>
    public static void AppendElement(StringBuilder builder, string tag, string value)
    {
        if (value.Length == 0)
        {
            builder.Append('<').Append(tag).Append(" />");
            return;
        }

        builder.Append('<').Append(tag).Append('>').Append(Text(value)).Append("</").Append(tag).Append('>');
    }
}
