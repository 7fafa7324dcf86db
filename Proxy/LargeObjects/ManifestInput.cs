using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// Reads and checks a <c>?multipart-manifest=put</c> body as Swift's slo middleware does before
/// it looks at any segment: the whole list is checked and every problem reported at once, with
/// Swift's wording, so a client sees the same 400 from both.
/// </summary>
public static class ManifestInput
{
    private static readonly string[] PathKeys = ["path", "etag", "size_bytes", "range"];

    /// <param name="body">The request body.</param>
    /// <param name="requestPath">The manifest's own path as <c>/v1/account/container/object</c> (percent-encoded as sent).</param>
    /// <param name="accountPath">Its <c>/v1/account</c> prefix.</param>
    public static Outcome<IReadOnlyList<ManifestInputSegment>> Parse(ReadOnlySpan<byte> body, string requestPath, string accountPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            return CloudFsError.BadRequest("Manifest must be valid JSON.\n");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return CloudFsError.BadRequest("Manifest must be a list.\n");
            }

            var items = document.RootElement.EnumerateArray().ToList();
            var errors = new StringBuilder();
            var segments = new List<ManifestInputSegment>();
            for (var index = 0; index < items.Count; index++)
            {
                var problem = Check(items[index], index, items.Count, requestPath, accountPath, out var segment);
                if (problem is not null)
                {
                    errors.Append(CultureInfo.InvariantCulture, $"Index {index}: {problem}\n");
                }
                else
                {
                    segments.Add(segment!);
                }
            }

            if (segments.Count > 0 && errors.Length == 0 && segments.All(s => s.Data is not null))
            {
                errors.Append("Inline data segments require at least one object-backed segment.\n");
            }

            return errors.Length > 0 ? CloudFsError.Plain(CloudFsErrorKind.BadRequest, errors.ToString()) : segments;
        }
    }

    private static string? Check(JsonElement item, int index, int count, string requestPath, string accountPath, out ManifestInputSegment? segment)
    {
        segment = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return "not a JSON object";
        }

        var keys = item.EnumerateObject().Select(p => p.Name).ToList();
        if (keys.Contains("path"))
        {
            return CheckPath(item, keys, index, count, requestPath, accountPath, out segment);
        }

        if (!keys.Contains("data"))
        {
            return "expected keys to include one of 'path' or 'data'";
        }

        if (Extraneous(keys, ["data"]) is { } extra)
        {
            return extra;
        }

        var text = item.GetProperty("data");
        var data = text.ValueKind == JsonValueKind.String ? StrictBase64(text.GetString()!) : null;
        if (data is null)
        {
            return "data must be valid base64";
        }

        if (data.Length < 1)
        {
            return "too small; each segment must be at least 1 byte.";
        }

        segment = new ManifestInputSegment(null, null, null, null, null, data);
        return null;
    }

    private static string? CheckPath(JsonElement item, List<string> keys, int index, int count, string requestPath, string accountPath,
        out ManifestInputSegment? segment)
    {
        segment = null;
        if (Extraneous(keys, PathKeys) is { } extra)
        {
            return extra;
        }

        var pathElement = item.GetProperty("path");
        if (pathElement.ValueKind != JsonValueKind.String)
        {
            return "\"path\" must be a string";
        }

        string? etag = null;
        if (item.TryGetProperty("etag", out var etagElement) && etagElement.ValueKind != JsonValueKind.Null)
        {
            if (etagElement.ValueKind != JsonValueKind.String)
            {
                return "\"etag\" must be a string or null (if provided)";
            }

            etag = etagElement.GetString();
        }

        var path = pathElement.GetString()!;
        if (!path.Trim('/').Contains('/', StringComparison.Ordinal))
        {
            return "path does not refer to an object. Path must be of the form /container/object.";
        }

        long? size = null;
        if (item.TryGetProperty("size_bytes", out var sizeElement) && sizeElement.ValueKind != JsonValueKind.Null)
        {
            size = Integer(sizeElement);
            if (size is null)
            {
                return "invalid size_bytes";
            }

            if (size < 1 && index != count - 1)
            {
                return "too small; each segment must be at least 1 byte.";
            }
        }

        if (string.Equals(requestPath, accountPath + "/" + Quote(path.TrimStart('/')), StringComparison.Ordinal))
        {
            return "manifest must not include itself as a segment";
        }

        SegmentRange? range = null;
        string? rangeText = null;
        if (item.TryGetProperty("range", out var rangeElement) && rangeElement.ValueKind == JsonValueKind.String && rangeElement.GetString() is { Length: > 0 } given)
        {
            range = SegmentRange.TryParse(given, out var multiple);
            if (range is null)
            {
                return multiple ? "multiple ranges (only one allowed)" : "invalid range";
            }

            if (size is { } known && range.Value.Resolve(known) is null)
            {
                return "unsatisfiable range";
            }

            rangeText = given;
        }

        segment = new ManifestInputSegment(path, etag, size, range, rangeText, null);
        return null;
    }

    private static string? Extraneous(List<string> keys, IReadOnlyCollection<string> allowed)
    {
        var extra = keys.Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return extra.Count == 0 ? null : "extraneous keys " + string.Join(", ", extra.Select(k => JsonSerializer.Serialize(k)));
    }

    // Python's int(): integers, or strings holding one (blanks around it allowed).
    private static long? Integer(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(element.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static byte[]? StrictBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Python's <c>urllib.parse.quote</c> with its default safe "/".</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                || b == '_' || b == '.' || b == '-' || b == '~' || b == '/')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return builder.ToString();
    }
}
