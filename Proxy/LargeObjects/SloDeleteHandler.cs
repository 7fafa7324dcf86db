using System.Text;
using CloudFs.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Middleware.Bulk;
using CloudFs.Proxy.Paths;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// <c>DELETE ?multipart-manifest=delete</c>: the segments a manifest names (those of nested
/// manifests too, each manifest after its segments), then the manifest, each as a DELETE
/// sub-request with the client's rights, answered as Swift's bulk delete answers. Blobs the
/// pieces of other objects still name stay (a copy of the manifest keeps reading).
/// </summary>
public sealed class SloDeleteHandler(SloReadHandler manifests, IOptions<BulkOptions> bulk, IOptions<SloOptions> options, TimeProvider time,
    ILogger<SloDeleteHandler> logger)
{
    public static bool Handles(HttpRequest request) =>
        HttpMethods.IsDelete(request.Method) && string.Equals(request.Query["multipart-manifest"], "delete", StringComparison.Ordinal);

    public async Task DeleteAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var mediaType = BulkAnswerFormat.Choose(context.Request.Headers.Accept.ToString());
        var answer = new BulkAnswer(context, mediaType, TimeSpan.FromSeconds(bulk.Value.YieldFrequencySeconds), time);
        answer.Start();
        var report = BulkReport.ForDelete();
        var names = await SegmentsToDeleteAsync(context, path, call, report);
        if (names is not null)
        {
            var subRequests = new BulkSubRequests(context, sub => context.RequestServices.GetRequiredService<SwiftApiHandler>().HandleAsync(sub),
                "MultipartDELETE", logger);
            try
            {
                await new BulkDeleter(bulk.Value, subRequests, answer).RunAsync("v1", path.Account, names, report);
            }
            catch (BulkFailure failure)
            {
                report.Status = Middleware.Bulk.SwiftStatusLine.For(failure.Status);
                report.Body = failure.Body;
            }
        }

        await answer.FinishAsync(report);
    }

    /// <summary>
    /// Swift's get_segments_to_delete_iter: a breadth-first walk from the manifest, each manifest
    /// read as the client (a HEAD for its rights, then its stored list) and put back after its
    /// segments. Manifests that cannot be read are counted (404) or listed as errors in the report.
    /// </summary>
    private async Task<List<byte[]>?> SegmentsToDeleteAsync(HttpContext context, ResourcePath path, CallContext call, BulkReport report)
    {
        var names = new List<byte[]>();
        var queue = new List<(string Name, bool SubSlo)> { ("/" + path.Container + "/" + path.Object, true) };
        while (queue.Count > 0)
        {
            if (queue.Count > options.Value.MaxManifestSegments * 10)
            {
                report.Status = Middleware.Bulk.SwiftStatusLine.For(400);
                report.Body = "Too many buffered slo segments to delete.";
                return null;
            }

            var (name, subSlo) = queue[0];
            queue.RemoveAt(0);
            if (!subSlo)
            {
                names.Add(Encoding.UTF8.GetBytes(name));
                continue;
            }

            var head = await SubRequest.RunAsync(context, "HEAD", "/v1/" + Uri.EscapeDataString(path.Account) + "/"
                + ManifestInput.Quote(name.TrimStart('/')) + "?multipart-manifest=get", "MultipartDELETE");
            var status = head.Response.StatusCode;
            var record = SubRequest.Record(head);
            var segments = status is >= 200 and < 300 && record is { IsSlo: true } ? await manifests.ReadAsync(record, call, context.RequestAborted) : null;
            if (segments is null)
            {
                if (status == 404)
                {
                    report.Count(BulkDeleter.NotFound);
                }
                else
                {
                    report.Errors.Add((ManifestInput.Quote(name), status is >= 200 and < 300 ? (record is { IsSlo: true }
                        ? "Unable to load SLO manifest" : "Not an SLO manifest") : Middleware.Bulk.SwiftStatusLine.For(status)));
                }

                continue;
            }

            queue.AddRange(segments.Where(s => s.Name is not null).Select(s => (s.Name!, s.SubSlo)));
            queue.Add((name, false));
        }

        return names;
    }
}
