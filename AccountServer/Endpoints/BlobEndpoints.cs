using CloudFs.AccountServer.Core;

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
    private static async Task<IResult> ListAsync(HttpContext context, BlobReferenceService blobs)
    {
        var account = context.Request.Query["account"].ToString();
        var marker = context.Request.Query["marker"].ToString();
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 10_000) : 1000;
        return OutcomeResults.Map(await blobs.NamedAsync(BackendRequest.Caller(context.Request), account, marker, limit, context.RequestAborted),
            list => Results.Json(new
            {
                blobs = list.Select(b => new { blob_id = b.BlobId, size = b.Size, etag = b.Etag }),
                next_marker = list.Count == limit ? list[^1].BlobId : null,
            }));
    }

    // POST /blobs/unreferenced with a JSON array of ids → the ones no row names.
    private static async Task<IResult> UnreferencedAsync(HttpContext context, string[] ids, BlobReferenceService blobs) =>
        OutcomeResults.Map(await blobs.UnreferencedAsync(BackendRequest.Caller(context.Request), ids, context.RequestAborted),
            unreferenced => Results.Json(unreferenced));
}
