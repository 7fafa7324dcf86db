using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Http;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;
using CloudFs.ObjectServer.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>
/// The functional URLs <c>/{device}/{partition}/blobs/{id}</c>. Each handler parses, makes one
/// storage call and maps the outcome; error statuses come only from <see cref="ErrorResults"/>.
/// </summary>
public static class BlobEndpoints
{
    public const string Route = "/{device}/{partition}/blobs/{id}";

    public static IEndpointRouteBuilder MapObjectApi(this IEndpointRouteBuilder app)
    {
        app.MapPut(Route, PutAsync);
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], GetAsync);
        app.MapDelete(Route, DeleteAsync);
        app.MapPost(Route, PostAsync);
        app.MapReconEndpoints();
        app.MapListingEndpoints();
        return app;
    }

    private static async Task<IResult> PutAsync(string device, string partition, string id, HttpContext context,
        BlobStore store, TimeProvider time, StoragePolicyTable policies)
    {
        if (BlobAddress.TryCreate(device, partition, id, context.Request.Headers[BackendHeaders.StoragePolicyIndex], policies, out var address) is { } invalid)
        {
            return ErrorResults.From(invalid);
        }

        var request = context.Request;
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (request.ContentLength is null && !canHaveBody)
        {
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.LengthRequired));
        }

        if (!EtagHeader.TryParseMd5(request.Headers.ETag, out var md5))
        {
            return ErrorResults.From(CloudFsError.BadRequest("ETag must be an MD5 in hex"));
        }

        if (!SwiftTimestamp.TryParse(request.Headers[CloudFsHeaders.Timestamp], out var timestamp))
        {
            return ErrorResults.From(CloudFsError.BadRequest("Invalid X-Timestamp"));
        }

        // The store enforces ObjectServer:MaxObjectSize itself, with a 413 rather than Kestrel's
        // generic failure in the middle of the body.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var body = new PutBlobRequest(request.Body, request.ContentLength, md5, timestamp ?? time.GetUtcNow());
        var stored = await store.PutAsync(address!, body, context.RequestAborted);
        if (!stored.IsSuccess)
        {
            return ErrorResults.From(stored.Error);
        }

        BlobHeaders.Apply(context.Response, stored.Value.Info);
        return Results.StatusCode(stored.Value.AlreadyExisted ? StatusCodes.Status202Accepted : StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string device, string partition, string id, HttpContext context,
        BlobStore store, IOptions<ObjectServerOptions> options, StoragePolicyTable policies)
    {
        if (BlobAddress.TryCreate(device, partition, id, context.Request.Headers[BackendHeaders.StoragePolicyIndex], policies, out var address) is { } invalid)
        {
            return ErrorResults.From(invalid);
        }

        var opened = await store.OpenAsync(address!, context.RequestAborted);
        return opened.IsSuccess
            ? new BlobResult(opened.Value, options.Value.VerifyOnFullRead)
            : ErrorResults.From(opened.Error);
    }

    private static async Task<IResult> DeleteAsync(string device, string partition, string id, HttpContext context,
        BlobStore store, StoragePolicyTable policies)
    {
        if (BlobAddress.TryCreate(device, partition, id, context.Request.Headers[BackendHeaders.StoragePolicyIndex], policies, out var address) is { } invalid)
        {
            return ErrorResults.From(invalid);
        }

        if (!SwiftTimestamp.TryParse(context.Request.Headers[CloudFsHeaders.Timestamp], out var timestamp))
        {
            return ErrorResults.From(CloudFsError.BadRequest("Invalid X-Timestamp"));
        }

        var deleted = await store.DeleteAsync(address!, timestamp, context.RequestAborted);
        if (!deleted.IsSuccess)
        {
            return ErrorResults.From(deleted.Error);
        }

        context.Response.Headers[CloudFsHeaders.Timestamp] = SwiftTimestamp.Format(deleted.Value.Timestamp);
        return deleted.Value.Existed ? Results.NoContent() : ErrorResults.From(CloudFsError.NotFound());
    }

    // Blobs are immutable, so POST has one use: ?verify, the auditor's check on demand.
    private static async Task<IResult> PostAsync(string device, string partition, string id, HttpContext context,
        Auditor auditor, StoragePolicyTable policies)
    {
        if (BlobAddress.TryCreate(device, partition, id, context.Request.Headers[BackendHeaders.StoragePolicyIndex], policies, out var address) is { } invalid)
        {
            return ErrorResults.From(invalid);
        }

        if (!context.Request.Query.ContainsKey("verify"))
        {
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.MethodNotAllowed, "Blobs are immutable; POST only supports ?verify"));
        }

        var audit = await auditor.VerifyAsync(address!, context.RequestAborted);
        if (!audit.IsSuccess)
        {
            return ErrorResults.From(audit.Error);
        }

        if (audit.Value.Outcome == AuditOutcome.Quarantined)
        {
            return ErrorResults.From(CloudFsError.NotFound("Blob failed verification and was quarantined"));
        }

        BlobHeaders.Apply(context.Response, audit.Value.Info);
        return Results.Json(new
        {
            verified = true,
            etag = audit.Value.Info.Md5Hex,
            size = audit.Value.Info.Size,
        });
    }
}
