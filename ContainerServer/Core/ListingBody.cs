using System.Globalization;
using System.Text;
using CloudFs.Common.Text;
using CloudFs.Common.Time;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Listing bodies byte for byte as Swift's listing_formats middleware writes them: one name
/// per line; Python-style JSON; ElementTree XML.
/// </summary>
public static class ListingBody
{
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /// <param name="account">The listed account, which a link's symlink_path names when the link names none.</param>
    public static byte[] Container(IReadOnlyList<ListingItem> items, ListingFormat format, string container, string account = "") => format switch
    {
        ListingFormat.Json => Json(items, (builder, item) => AppendObject(builder, item, account)),
        ListingFormat.Xml => Encoding.UTF8.GetBytes(ContainerXml(items, container)),
        _ => Plain(items),
    };

    public static byte[] Account(IReadOnlyList<ListingItem> items, ListingFormat format, string account) => format switch
    {
        ListingFormat.Json => Json(items, AppendContainer),
        ListingFormat.Xml => Encoding.UTF8.GetBytes(AccountXml(items, account)),
        _ => Plain(items),
    };

    /// <summary>Swift's listing form of a timestamp: "2024-01-02T03:04:05.123450".</summary>
    public static string LastModified(long units) => new Timestamp(units).ToIso();

    private static byte[] Plain(IReadOnlyList<ListingItem> items)
    {
        var builder = new StringBuilder();
        foreach (var item in items)
        {
            builder.Append(item.Name).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] Json(IReadOnlyList<ListingItem> items, Action<StringBuilder, ListingItem> append)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? "{" : ", {");
            if (items[i].IsSubdir)
            {
                PythonJson.AppendMember(builder, "subdir", items[i].Name, first: true);
            }
            else
            {
                append(builder, items[i]);
            }

            builder.Append('}');
        }

        return Encoding.ASCII.GetBytes(builder.Append(']').ToString());
    }

    private static void AppendObject(StringBuilder builder, ListingItem item, string account)
    {
        PythonJson.AppendMember(builder, "bytes", item.Bytes, first: true);
        PythonJson.AppendMember(builder, "hash", item.Hash ?? "");
        PythonJson.AppendMember(builder, "name", item.Name);
        PythonJson.AppendMember(builder, "content_type", item.ContentType ?? "");
        PythonJson.AppendMember(builder, "last_modified", LastModified(item.Timestamp));
        if (item.Symlink is { } link)
        {
            // In the order Swift's symlink middleware adds them.
            if (link.Etag is not null)
            {
                PythonJson.AppendMember(builder, "symlink_etag", link.Etag);
                PythonJson.AppendMember(builder, "symlink_bytes", link.Bytes ?? 0);
            }

            PythonJson.AppendMember(builder, "symlink_path", link.Path(account));
        }

        // Swift's slo middleware adds it after the symlink fields.
        if (item.SloEtag is { } sloEtag)
        {
            PythonJson.AppendMember(builder, "slo_etag", $"\"{sloEtag}\"");
        }
    }

    private static void AppendContainer(StringBuilder builder, ListingItem item)
    {
        PythonJson.AppendMember(builder, "name", item.Name, first: true);
        PythonJson.AppendMember(builder, "count", item.Count);
        PythonJson.AppendMember(builder, "bytes", item.Bytes);
        PythonJson.AppendMember(builder, "last_modified", LastModified(item.Timestamp));
    }

    private static string ContainerXml(IReadOnlyList<ListingItem> items, string container)
    {
        var builder = new StringBuilder(XmlDeclaration).Append("<container name=\"").Append(XmlText.Attribute(container)).Append('"');
        if (items.Count == 0)
        {
            return builder.Append(" />").ToString();
        }

        builder.Append('>');
        foreach (var item in items)
        {
            if (item.IsSubdir)
            {
                builder.Append("<subdir name=\"").Append(XmlText.Attribute(item.Name)).Append("\">");
                XmlText.AppendElement(builder, "name", item.Name);
                builder.Append("</subdir>");
                continue;
            }

            builder.Append("<object>");
            XmlText.AppendElement(builder, "name", item.Name);
            XmlText.AppendElement(builder, "hash", item.Hash ?? "");
            XmlText.AppendElement(builder, "bytes", item.Bytes.ToString(CultureInfo.InvariantCulture));
            XmlText.AppendElement(builder, "content_type", item.ContentType ?? "");
            XmlText.AppendElement(builder, "last_modified", LastModified(item.Timestamp));
            builder.Append("</object>");
        }

        return builder.Append("</container>").ToString();
    }

    private static string AccountXml(IReadOnlyList<ListingItem> items, string account)
    {
        var builder = new StringBuilder(XmlDeclaration).Append("<account name=\"").Append(XmlText.Attribute(account)).Append("\">\n");
        foreach (var item in items)
        {
            if (item.IsSubdir)
            {
                builder.Append("<subdir name=\"").Append(XmlText.Attribute(item.Name)).Append("\" />\n");
                continue;
            }

            builder.Append("<container>");
            XmlText.AppendElement(builder, "name", item.Name);
            XmlText.AppendElement(builder, "count", item.Count.ToString(CultureInfo.InvariantCulture));
            XmlText.AppendElement(builder, "bytes", item.Bytes.ToString(CultureInfo.InvariantCulture));
            XmlText.AppendElement(builder, "last_modified", LastModified(item.Timestamp));
            builder.Append("</container>\n");
        }

        return builder.Append("</account>").ToString();
    }
}
