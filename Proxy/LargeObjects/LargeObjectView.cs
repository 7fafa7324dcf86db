using CloudFs.Proxy.Objects;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// How GET and HEAD present an object whose body is made of pieces. A static large object
/// shows its own size and quoted ETag (Swift's), with X-Static-Large-Object and its manifest's
/// MD5 as X-Manifest-Etag; with <c>?multipart-manifest=get</c> it is its manifest (a JSON
/// body, or with <c>&amp;format=raw</c> the list a PUT takes). A byte-free copy of one is a
/// plain object read from the same pieces.
/// </summary>
public sealed record LargeObjectView(long Length, string Etag, string EtagHeader, IReadOnlyList<SegmentPiece>? Pieces, bool RawManifest,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The view of <paramref name="record"/>, or null when it is a plain object.</summary>
    public static LargeObjectView? For(ObjectRecord record, IQueryCollection query)
    {
        if (record.Segments is not { } segments)
        {
            return null;
        }

        var pieces = segments.Select(SegmentPiece.Of).ToList();
        if (!record.IsSlo)
        {
            return new(record.Bytes, record.Hash, record.Hash, pieces, false, []);
        }

        if (string.Equals(query["multipart-manifest"], "get", StringComparison.Ordinal))
        {
            var raw = string.Equals(query["format"], "raw", StringComparison.Ordinal);
            return new(record.Bytes, record.Hash, record.Hash, null, raw,
                raw ? [new("X-Static-Large-Object", "True")]
                    : [new("X-Static-Large-Object", "True"), new("Content-Type", "application/json; charset=utf-8")]);
        }

        return new(record.SloBytes!.Value, record.SloEtag!, $"\"{record.SloEtag}\"", pieces, false,
            [new("X-Static-Large-Object", "True"), new("X-Manifest-Etag", record.Hash)]);
    }

    /// <summary>Puts the view's headers over the record's on <paramref name="response"/>.</summary>
    public void Apply(HttpResponse response)
    {
        response.Headers.ETag = EtagHeader;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }
    }
}
