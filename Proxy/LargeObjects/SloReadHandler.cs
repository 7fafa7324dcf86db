using System.Security.Cryptography;
using CloudFs.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>Reads a static large object's stored manifest: <c>?multipart-manifest=get&amp;format=raw</c>.</summary>
public sealed class SloReadHandler(ObjectGetHandler gets, Microsoft.Extensions.Options.IOptions<SloOptions> options)
{
    /// <summary>The manifest's segments as Swift stored them; null when no replica serves the manifest.</summary>
    public async Task<IReadOnlyList<StoredSegment>?> ReadAsync(ObjectRecord record, CallContext call, CancellationToken ct)
    {
        using var blob = await gets.OpenBlobAsync(record, "", call, ct);
        if (blob is null)
        {
            return null;
        }

        // A manifest is at most max_manifest_size bytes (checked when it was written).
        var body = await blob.Content.ReadAsByteArrayAsync(ct);
        return body.Length > options.Value.MaxManifestSize * 2L ? [] : StoredManifest.Read(body);
    }

    public async Task RawManifestAsync(HttpContext context, ObjectRecord record, CallContext call)
    {
        var segments = await ReadAsync(record, call, context.RequestAborted);
        if (segments is null)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        var raw = StoredManifest.WriteRaw(segments);
        var response = context.Response;
        foreach (var (name, value) in ObjectHeaders.For(record))
        {
            response.Headers[name] = value;
        }

        response.Headers["X-Static-Large-Object"] = "True";
        response.Headers.ETag = Convert.ToHexStringLower(MD5.HashData(raw));
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = raw.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(raw, context.RequestAborted);
        }
    }
}
