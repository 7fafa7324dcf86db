using CloudFs.AccountServer.Core;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>
/// <c>POST /move/...</c> and <c>POST /copy/...</c> on an object or directory's functional
/// URL, with <c>X-Backend-Destination: /{container}/{name}</c> (percent-encoded, as Swift's
/// Destination header). A trailing "/" on the source names the directory.
/// </summary>
public static class TreeEndpoints
{
    public static IEndpointRouteBuilder MapTreeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/move/{**rest}", (HttpContext context, MoveCopyService tree, TimeProvider time) => RunAsync(context, tree, time, "/move"));
        app.MapPost("/copy/{**rest}", (HttpContext context, MoveCopyService tree, TimeProvider time) => RunAsync(context, tree, time, "/copy"));
        return app;
    }

    private static async Task<IResult> RunAsync(HttpContext context, MoveCopyService tree, TimeProvider time, string prefix)
    {
        var path = BackendRequest.Path(context, prefix).Value;
        var destination = ParseDestination(context.Request.Headers[BackendHeaders.Destination].ToString());
        if (path?.Container is null || path.Object is null || destination is null)
        {
            return ErrorResults.From(CloudFsError.BadRequest($"{BackendHeaders.Destination} must look like /container/name, and the source must name an object or directory."));
        }

        var ctx = BackendRequest.Context(context, time);
        var outcome = prefix == "/move"
            ? await tree.MoveAsync(ctx, path.Account, path.Container, path.Object, destination.Value.Container, destination.Value.Name, context.RequestAborted)
            : await tree.CopyAsync(ctx, path.Account, path.Container, path.Object, destination.Value.Container, destination.Value.Name, context.RequestAborted);
        return OutcomeResults.Map(outcome, change => Results.Json(new { type = change.Type, objects = change.Objects, bytes = change.Bytes }, statusCode: StatusCodes.Status201Created));
    }

    private static (string Container, string Name)? ParseDestination(string header)
    {
        // Reuse the functional-path decoder: one decoding, UTF-8 checked, no NUL.
        var parsed = BackendPath.Parse("/x/0/a/" + header.TrimStart('/')).Value;
        return parsed?.Container is { } container && parsed.Object is { } name ? (container, name) : null;
    }
}
