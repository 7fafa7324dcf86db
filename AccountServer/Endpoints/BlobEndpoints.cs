using System.Text.Json.Serialization;
using CloudFs.AccountServer.Data;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>
/// What fsck asks the catalog: which blobs are named (by one account, or by all), and which
/// of a list of blobs found on disk nothing names.
/// </summary>
public static class BlobEndpoints
{
    public static IEndpointRouteBuilder MapBlobEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/blobs", ListAsync);
        app.MapPost("/blobs/unreferenced", UnreferencedAsync);
        return app;
    }

    // GET /blobs?account=AUTH_x&marker=&limit= → distinct blob ids named, in id order, with size and etag.
    private static async Task<IResult> ListAsync(HttpContext context, CatalogWork work)
    {
        if (!BackendRequest.Caller(context.Request).IsAdmin)
        {
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.Forbidden));
        }

        var account = context.Request.Query["account"].ToString();
        var marker = context.Request.Query["marker"].ToString();
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 10_000) : 1000;
        var rows = await work.ReadAsync((session, ct) => session.QueryAsync<NamedBlob>("""
            SELECT blob_id AS BlobId, MAX(size) AS Size, MAX(etag) AS Etag FROM stobj
            WHERE blob_id IS NOT NULL AND blob_id > @Marker
              AND (@Account = '' OR account_id = (SELECT id FROM stobj WHERE parent_id = 1 AND type = 'account' AND name = @Account))
            GROUP BY blob_id ORDER BY blob_id LIMIT @Limit
            """, new { Account = account, Marker = marker, Limit = limit }, ct), context.RequestAborted);
        var list = rows.ToList();
        return Results.Json(new { blobs = list, next_marker = list.Count == limit ? list[^1].BlobId : null });
    }

    // POST /blobs/unreferenced with a JSON array of ids → the ones no row names.
    private static async Task<IResult> UnreferencedAsync(HttpContext context, string[] ids, CatalogWork work)
    {
        if (!BackendRequest.Caller(context.Request).IsAdmin)
        {
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.Forbidden));
        }

        if (ids.Length > 10_000)
        {
            return ErrorResults.From(CloudFsError.BadRequest("At most 10000 ids per call."));
        }

        var named = await work.ReadAsync((session, ct) => session.QueryAsync<string>(
            "SELECT DISTINCT blob_id FROM stobj WHERE blob_id IN @Ids", new { Ids = ids }, ct), context.RequestAborted);
        var set = named.ToHashSet(StringComparer.Ordinal);
        return Results.Json(ids.Where(id => !set.Contains(id)).Distinct().ToArray());
    }

    /// <summary>A blob some row names, with what it should hold.</summary>
    public sealed class NamedBlob
    {
        [JsonPropertyName("blob_id")]
        public string BlobId { get; init; } = "";

        [JsonPropertyName("size")]
        public long Size { get; init; }

        [JsonPropertyName("etag")]
        public string? Etag { get; init; }
    }
}
