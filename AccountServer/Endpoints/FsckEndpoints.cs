using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Fsck;
using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Time;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>
/// <c>POST /fsck?account=&amp;repair=true&amp;grace=</c> (admins only; the proxy relays <c>/admin/fsck</c>
/// here): runs <see cref="FsckJob"/> and streams its lines as plain text, the JSON summary last.
/// </summary>
public static class FsckEndpoints
{
    public static IEndpointRouteBuilder MapFsckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/fsck", FsckAsync);
        return app;
    }

    private static async Task FsckAsync(HttpContext context, FsckJob job, TimeProvider time)
    {
        var caller = BackendRequest.Caller(context.Request);
        if (!caller.IsAdmin)
        {
            await ErrorResults.From(Access.Forbidden()).ExecuteAsync(context);
            return;
        }

        var query = context.Request.Query;
        var request = new FsckRequest(
            query["account"].ToString(),
            query["repair"] == "true",
            long.TryParse(query["grace"], out var grace) ? grace : FsckRequest.DefaultGraceSeconds);
        // The job's calls to object servers carry this request's transaction id.
        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await job.RunAsync(request, caller, call, async (line, ct) =>
        {
            await context.Response.WriteAsync(line + "\n", ct);
            await context.Response.Body.FlushAsync(ct);
        }, context.RequestAborted);
    }
}
