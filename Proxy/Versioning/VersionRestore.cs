using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Versioning;

/// <summary>
/// <c>PUT ?version-id=</c> with an empty body: the account server makes that kept version the
/// current object again (Swift's handle_put_version). No bytes are sent or moved.
/// </summary>
public static class VersionRestore
{
    public static async Task PutAsync(HttpContext context, CatalogClient catalog, ResourcePath path, string versionId, CallContext call)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(catalog);
        var request = context.Request;
        var ct = context.RequestAborted;
        // Swift reads one byte of a chunked body to tell whether there is one.
        var hasBody = request.ContentLength is { } length ? length != 0 : await request.Body.ReadAsync(new byte[1], ct) > 0;
        if (hasBody)
        {
            await new SwiftTextResult("PUT version-id requests require a zero byte body", "text/plain", StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        var response = await catalog.WriteAsync(HttpMethod.Put, path, [new(BackendHeaders.VersionId, versionId)], call, ct);
        if (response is null)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        if (!response.IsSuccess)
        {
            var error = StatusKinds.ToError(response);
            // Swift's "The specified version does not exist" is plain text.
            await ProxyResults.Error(context, error.Kind == CloudFsErrorKind.NotFound && error.Message is { } text
                ? CloudFsError.Plain(CloudFsErrorKind.NotFound, text) : error);
            return;
        }

        ObjectVersionAnswer.FromCatalog(context, response.Header);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.ETag = response.Header(BackendHeaders.Etag) ?? "";
        context.Response.Headers.LastModified = call.Timestamp.ToHttpDate();
        context.Response.ContentType = "text/html; charset=UTF-8";
        context.Response.ContentLength = 0;
    }
}
