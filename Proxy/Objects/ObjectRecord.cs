using System.Globalization;
using System.Text.Json;
using CloudFs.Common.Time;

namespace CloudFs.Proxy.Objects;

/// <summary>An object as the container server resolves it: what GET and HEAD answer from.</summary>
public sealed record ObjectRecord(
    string Name,
    long Bytes,
    string Hash,
    string ContentType,
    Timestamp Timestamp,
    string BlobId,
    long? DeleteAt,
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyDictionary<string, string> Sys)
{
    public static ObjectRecord Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new ObjectRecord(
            Text(root, "name"),
            root.TryGetProperty("bytes", out var b) && b.TryGetInt64(out var bytes) ? bytes : 0,
            Text(root, "hash"),
            Text(root, "content_type") is { Length: > 0 } type ? type : "application/octet-stream",
            ParseTimestamp(root),
            Text(root, "blob_id"),
            root.TryGetProperty("delete_at", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var at) ? at : null,
            Map(root, "meta"),
            Map(root, "sys"));
    }

    private static Timestamp ParseTimestamp(JsonElement root)
    {
        if (root.TryGetProperty("timestamp", out var t))
        {
            var text = t.ValueKind == JsonValueKind.Number ? t.GetRawText() : t.GetString();
            if (Timestamp.TryParse(text, out var ts))
            {
                return ts;
            }
        }

        return DateTimeOffset.TryParse(Text(root, "last_modified"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var lm) ? Timestamp.FromDateTimeOffset(lm) : default;
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static Dictionary<string, string> Map(JsonElement root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty(name, out var obj) && obj.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in obj.EnumerateObject())
            {
                map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
            }
        }

        return map;
    }
}
