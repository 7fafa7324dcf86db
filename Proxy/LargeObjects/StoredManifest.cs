using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudFs.Common.Text;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// A static large object's manifest in Swift's two spellings: the stored one (Python
/// <c>json.dumps</c> of name, bytes, hash, content_type, last_modified[, range][, sub_slo]) and
/// the "raw" one that <c>?multipart-manifest=get&amp;format=raw</c> returns, in the form a PUT
/// takes (path, etag, size_bytes[, range]; keys sorted). Also the object's ETag, computed as
/// Swift's slo middleware does.
/// </summary>
public static class StoredManifest
{
    public static byte[] Write(IReadOnlyList<StoredSegment> segments) => Json(segments, (builder, s) =>
    {
        PythonJson.AppendMember(builder, "name", s.Name!, first: true);
        PythonJson.AppendMember(builder, "bytes", s.Bytes);
        PythonJson.AppendMember(builder, "hash", s.Hash ?? "");
        PythonJson.AppendMember(builder, "content_type", s.ContentType ?? "");
        PythonJson.AppendMember(builder, "last_modified", s.LastModified ?? "");
        if (s.Range is { } range)
        {
            PythonJson.AppendMember(builder, "range", range);
        }

        if (s.SubSlo)
        {
            PythonJson.AppendMember(builder, "sub_slo", true);
        }
    });

    public static byte[] WriteRaw(IReadOnlyList<StoredSegment> segments) => Json(segments, (builder, s) =>
    {
        PythonJson.AppendMember(builder, "etag", s.Hash ?? "", first: true);
        PythonJson.AppendMember(builder, "path", s.Name!);
        if (s.Range is { } range)
        {
            PythonJson.AppendMember(builder, "range", range);
        }

        PythonJson.AppendMember(builder, "size_bytes", s.Bytes);
    });

    /// <summary>The stored form read back; an unreadable manifest reads as empty, as Swift treats it.</summary>
    public static IReadOnlyList<StoredSegment> Read(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return document.RootElement.EnumerateArray().Select(e => e.TryGetProperty("data", out var data)
                ? new StoredSegment(null, 0, null, null, null, null, false, data.GetString())
                : new StoredSegment(
                    Text(e, "name"),
                    e.TryGetProperty("bytes", out var bytes) && bytes.TryGetInt64(out var n) ? n : 0,
                    Text(e, "hash"),
                    Text(e, "content_type"),
                    Text(e, "last_modified"),
                    Text(e, "range"),
                    e.TryGetProperty("sub_slo", out var sub) && sub.ValueKind == JsonValueKind.True)).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>
    /// Swift's SLO ETag: the MD5 of each segment's ETag in order ("etag:range;" for a ranged
    /// segment, the MD5 of the bytes for inline data).
    /// </summary>
    public static string Etag(IReadOnlyList<StoredSegment> segments)
    {
        var text = new StringBuilder();
        foreach (var s in segments)
        {
            text.Append(s.Data is { } data
                ? Convert.ToHexStringLower(MD5.HashData(Convert.FromBase64String(data)))
                : s.Range is { } range ? $"{s.Hash}:{range};" : s.Hash);
        }

        return Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(text.ToString())));
    }

    private static byte[] Json(IReadOnlyList<StoredSegment> segments, Action<StringBuilder, StoredSegment> append)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < segments.Count; i++)
        {
            builder.Append(i == 0 ? "{" : ", {");
            if (segments[i].Data is { } data)
            {
                PythonJson.AppendMember(builder, "data", data, first: true);
            }
            else
            {
                append(builder, segments[i]);
            }

            builder.Append('}');
        }

        return Encoding.ASCII.GetBytes(builder.Append(']').ToString());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
