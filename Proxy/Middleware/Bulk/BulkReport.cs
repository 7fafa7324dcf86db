using System.Globalization;
using System.Text;
using CloudFs.Common.Text;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// The outcome of a bulk delete or extraction and its three written forms, byte for byte as
/// Swift's <c>get_response_body</c> writes them: JSON in the fields' own order (Python's
/// <c>json.dumps</c>, ASCII only), XML and plain text with the fields sorted by name, then the
/// failed names and their statuses.
/// </summary>
public sealed class BulkReport(string rootTag, string status, params string[] counters)
{
    private readonly Dictionary<string, int> _counts = counters.ToDictionary(c => c, _ => 0);

    /// <summary>"delete" or "extract": the XML root element.</summary>
    public string RootTag { get; } = rootTag;

    /// <summary>"Response Status": a swob status line such as "200 OK".</summary>
    public string Status { get; set; } = status;

    /// <summary>"Response Body": the failure's message, empty on success.</summary>
    public string Body { get; set; } = "";

    public List<(string Name, string Status)> Errors { get; } = [];

    public int this[string counter] => _counts[counter];

    public void Count(string counter) => _counts[counter]++;

    public static BulkReport ForDelete() => new("delete", SwiftStatusLine.For(200), "Number Deleted", "Number Not Found");

    public static BulkReport ForExtract() => new("extract", SwiftStatusLine.For(201), "Number Files Created");

    /// <summary>The answer in <paramref name="mediaType"/>; plain text for anything not JSON or XML.</summary>
    public string Render(string? mediaType)
    {
        if (mediaType == "application/json")
        {
            return RenderJson();
        }

        return mediaType is not null && mediaType.EndsWith("/xml", StringComparison.Ordinal) ? RenderXml() : RenderText();
    }

    private IEnumerable<(string Key, string Value)> Fields()
    {
        yield return ("Response Status", Status);
        yield return ("Response Body", Body);
        foreach (var (key, value) in _counts)
        {
            yield return (key, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private IEnumerable<(string Key, string Value)> SortedFields() => Fields().OrderBy(f => f.Key, StringComparer.Ordinal);

    private string RenderJson()
    {
        var json = new StringBuilder("{");
        json.Append("\"Response Status\": ").Append(JsonString(Status));
        json.Append(", \"Response Body\": ").Append(JsonString(Body));
        foreach (var (key, value) in _counts)
        {
            json.Append(", ").Append(JsonString(key)).Append(": ").Append(value.ToString(CultureInfo.InvariantCulture));
        }

        json.Append(", \"Errors\": [");
        json.AppendJoin(", ", Errors.Select(e => $"[{JsonString(e.Name)}, {JsonString(e.Status)}]"));
        return json.Append("]}").ToString();
    }

    private string RenderXml()
    {
        var xml = new StringBuilder();
        xml.Append('<').Append(RootTag).Append(">\n");
        foreach (var (key, value) in SortedFields())
        {
            var tag = key.Replace(' ', '_').ToLowerInvariant();
            xml.Append('<').Append(tag).Append('>').Append(XmlEscape(value)).Append("</").Append(tag).Append(">\n");
        }

        xml.Append("<errors>\n");
        foreach (var (name, status) in Errors)
        {
            xml.Append("<object><name>").Append(XmlEscape(name)).Append("</name><status>").Append(XmlEscape(status)).Append("</status></object>\n");
        }

        return xml.Append("</errors>\n</").Append(RootTag).Append(">\n").ToString();
    }

    private string RenderText()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in SortedFields())
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        text.Append("Errors:\n");
        foreach (var (name, status) in Errors)
        {
            text.Append(name).Append(", ").Append(status).Append('\n');
        }

        return text.ToString();
    }

    // saxutils.escape: only &, < and >.
    private static string XmlEscape(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string JsonString(string value)
    {
        var json = new StringBuilder();
        PythonJson.AppendString(json, value);
        return json.ToString();
    }
}
