using System.Globalization;
using CloudFs.AccountServer.Core;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Object commit and POST headers as the proxy forwards them.</summary>
public static class ObjectHeaderParser
{
    public static Outcome<ObjectCommit> ParseCommit(HttpRequest request)
    {
        var blobId = request.Headers[BackendHeaders.BlobId].ToString();
        var etag = request.Headers[BackendHeaders.Etag].ToString().Trim('"').ToLowerInvariant();
        // A byte-free copy of a large object names no blob of its own, only its pieces.
        var blobless = blobId.Length == 0 && request.Headers.ContainsKey(BackendHeaders.Composite);
        if ((!blobless && (blobId.Length != 32 || !blobId.All(Uri.IsHexDigit))) || etag.Length != 32
            || !long.TryParse(request.Headers[BackendHeaders.Size], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return CloudFsError.BadRequest("Commit needs X-Backend-Blob-Id, X-Backend-Etag and X-Backend-Size.");
        }

        var deleteAt = ParseDeleteAt(request);
        if (deleteAt.Error is { } bad)
        {
            return bad;
        }

        var meta = MetadataRules.Parse(BackendRequest.Headers(request), MetadataScope.Object);
        var reservation = request.Headers[BackendHeaders.Reservation].ToString();
        int? policy = int.TryParse(request.Headers[BackendHeaders.StoragePolicyIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        return new ObjectCommit(blobId.ToLowerInvariant(), etag, size, ContentType(request) ?? "application/octet-stream",
            deleteAt.Value is > 0 ? deleteAt.Value : null, meta.Set, System(request), reservation.Length == 0 ? null : reservation, policy,
            BlobWritten: !blobless && request.Headers[BackendHeaders.BlobWritten] == "1");
    }

    /// <summary>The pieces of a large object's body, sent as the commit's JSON body.</summary>
    public static async Task<Outcome<CompositeBody>> ReadCompositeAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var body = await global::System.Text.Json.JsonSerializer.DeserializeAsync(request.Body, ContractJson.Default.CompositeBody, ct);
            if (body is null || body.Segments.Any(s => s.BlobId.Length != 32 || !s.BlobId.All(Uri.IsHexDigit) || s.Offset < 0 || s.Length < 0))
            {
                return CloudFsError.BadRequest("Commit needs a valid list of segments.");
            }

            return body;
        }
        catch (global::System.Text.Json.JsonException)
        {
            return CloudFsError.BadRequest("Commit needs a valid list of segments.");
        }
    }

    public static Outcome<ObjectUpdate> ParseUpdate(HttpRequest request)
    {
        var deleteAt = ParseDeleteAt(request);
        if (deleteAt.Error is { } bad)
        {
            return bad;
        }

        var remove = request.Headers.ContainsKey(DeleteAtHeaders.Remove);
        var meta = MetadataRules.Parse(BackendRequest.Headers(request), MetadataScope.Object);
        return new ObjectUpdate(meta.Set, ContentType(request), System(request), remove ? 0 : deleteAt.Value);
    }

    private static Outcome<long?> ParseDeleteAt(HttpRequest request) =>
        DeleteAtHeaders.ParseResolved(BackendRequest.Optional(request, DeleteAtHeaders.At));

    private static string? ContentType(HttpRequest request) =>
        request.Headers.ContentType.ToString() is { Length: > 0 } type ? type : null;

    private static Dictionary<string, string> System(HttpRequest request)
    {
        var system = SystemMetadata.Headers.Where(h => request.Headers.ContainsKey(h))
            .ToDictionary(h => h.ToLowerInvariant(), h => request.Headers[h].ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith(BackendHeaders.ObjectSysmetaPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > BackendHeaders.ObjectSysmetaPrefix.Length)
            {
                system[name[BackendHeaders.ObjectSysmetaPrefix.Length..].ToLowerInvariant()] = value.ToString();
            }
        }

        return system;
    }
}
