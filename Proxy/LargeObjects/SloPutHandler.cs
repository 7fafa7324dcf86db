using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// <c>PUT ?multipart-manifest=put</c>: checks the segment list as Swift does (every segment is
/// HEADed with the client's own rights), stores the manifest in Swift's form as the object's
/// blob, and commits the object with the pieces its body is made of, nested manifests
/// flattened. The pieces name blobs, so the manifest reads what its segments held when it was
/// written, whatever later happens to the segment objects.
/// </summary>
public sealed partial class SloPutHandler(CatalogClient catalog, ObjectPutHandler puts, IOptions<SloOptions> options, ILogger<SloPutHandler> logger)
{
    public static bool Handles(HttpRequest request) =>
        HttpMethods.IsPut(request.Method) && string.Equals(request.Query["multipart-manifest"], "put", StringComparison.Ordinal);

    /// <summary>Swift's slo refuses the header on any other object write: only a manifest PUT may make a static large object.</summary>
    public static bool ReservedHeaderMisused(HttpRequest request) =>
        request.Headers.ContainsKey("X-Static-Large-Object") && !Handles(request)
        && !(HttpMethods.IsDelete(request.Method) && string.Equals(request.Query["multipart-manifest"], "delete", StringComparison.Ordinal));

    public async Task PutAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var request = context.Request;
        var o = options.Value;
        if (request.Headers.ContainsKey("X-Copy-From"))
        {
            await ProxyResults.Error(context, new CloudFsError(CloudFsErrorKind.MethodNotAllowed, "Multipart Manifest PUTs cannot be COPY requests"));
            return;
        }

        var chunked = request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        if (request.ContentLength is null && !chunked)
        {
            await ProxyResults.Error(context, CloudFsErrorKind.LengthRequired);
            return;
        }

        if (request.ContentLength > o.MaxManifestSize)
        {
            await ProxyResults.Error(context, new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, $"Manifest File > {o.MaxManifestSize} bytes"));
            return;
        }

        var body = await ReadAsync(request.Body, o.MaxManifestSize, context.RequestAborted);
        var accountPath = "/v1/" + Uri.EscapeDataString(path.Account);
        var parsed = ManifestInput.Parse(body, accountPath + "/" + ManifestInput.Quote(path.Container!) + "/" + ManifestInput.Quote(path.Object!), accountPath);
        if (!parsed.IsSuccess)
        {
            await ProxyResults.Error(context, parsed.Error);
            return;
        }

        var input = parsed.Value;
        if (input.Count(s => s.Path is not null) > o.MaxManifestSegments)
        {
            await ProxyResults.Error(context, new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge,
                $"Number of object-backed segments must be <= {o.MaxManifestSegments}"));
            return;
        }

        var checks = await puts.PreconditionsAsync(context, path, call);
        if (!checks.IsSuccess)
        {
            await ProxyResults.Error(context, checks.Error);
            return;
        }

        // Admitted once, with the list's size: the stored manifest is about as long, and the
        // commit counts the real size (inline data blobs go to the same policy).
        var admit = await catalog.AdmitAsync(path, body.Length, call, context.RequestAborted);
        if (!admit.IsSuccess)
        {
            await ProxyResults.Error(context, admit.Error);
            return;
        }

        // A manifest refused after admission (a bad segment, no quorum for an inline blob or the
        // manifest, the client gone) frees its reservation and the blobs it wrote at once.
        var upload = new PendingUpload(path, admit.Value.Reservation);
        try
        {
            var heartbeat = IsTrue(request.Query["heartbeat"]);
            if (heartbeat)
            {
                // Swift answers 202 at once and keeps the connection alive with blanks while it works.
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                context.Response.ContentType = "text/plain";
                await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            var heads = await HeadSegmentsAsync(context, accountPath, input);
            var problems = new List<(string Name, string Status)>();
            var stored = new List<StoredSegment>();
            var pieces = new List<SegmentRef>();
            long total = 0;
            for (var i = 0; i < input.Count; i++)
            {
                var segment = input[i];
                if (segment.Data is { } data)
                {
                    var blob = await StoreInlineAsync(data, admit.Value.PolicyIndex, call, context.RequestAborted, upload);
                    if (!blob.IsSuccess)
                    {
                        await catalog.AbandonAsync(upload, call);
                        await FailAsync(context, heartbeat, blob.Error);
                        return;
                    }

                    stored.Add(StoredSegment.Inline(data));
                    pieces.Add(blob.Value);
                    total += data.Length;
                    continue;
                }

                var (status, record) = heads[segment.Path!];
                var checkedSegment = Check(segment, status, record, allowEmpty: i == input.Count - 1, problems);
                if (checkedSegment is { } ok)
                {
                    stored.Add(ok.Stored);
                    pieces.AddRange(ok.Pieces);
                    total += ok.Length;
                }
            }

            if (problems.Count > 0)
            {
                await catalog.AbandonAsync(upload, call);
                await ProblemsAsync(context, heartbeat, problems);
                return;
            }

            var sloEtag = StoredManifest.Etag(stored);
            var clientEtag = request.Headers.ETag.ToString().Trim('"');
            if (clientEtag.Length > 0 && !string.Equals(clientEtag, sloEtag, StringComparison.Ordinal))
            {
                await catalog.AbandonAsync(upload, call);
                await FailAsync(context, heartbeat, new CloudFsError(CloudFsErrorKind.UnprocessableEntity));
                return;
            }

            await CommitAsync(context, path, call, checks.Value, admit.Value, StoredManifest.Write(stored), new CompositeBody(total, sloEtag, pieces), heartbeat,
                upload);
        }
        finally
        {
            await catalog.AbandonAsync(upload, call);
        }
    }

    private async Task CommitAsync(HttpContext context, ResourcePath path, CallContext call, long? deleteAt, Admission admit, byte[] manifest,
        CompositeBody composite, bool heartbeat, PendingUpload upload)
    {
        var ct = context.RequestAborted;
        var blob = await puts.StoreAsync(new MemoryStream(manifest), manifest.Length, "", admit.PolicyIndex, call, ct, upload);
        if (!blob.IsSuccess)
        {
            await catalog.AbandonAsync(upload, call);
            await FailAsync(context, heartbeat, blob.Error);
            return;
        }

        var headers = ObjectPutHandler.CommitHeaders(context.Request, path, deleteAt, blob.Value.BlobId, admit.PolicyIndex, blob.Value.Md5,
            manifest.Length, admit.Reservation);
        headers.Add(new(BackendHeaders.Composite, "1"));
        headers.Add(ObjectPutHandler.WrittenBlob);
        var body = JsonSerializer.SerializeToUtf8Bytes(composite, ContractJson.Default.CompositeBody);
        var etag = $"\"{composite.SloEtag}\"";
        if (!heartbeat)
        {
            await puts.CommitAsync(context, path, headers, etag, call, body, upload);
            return;
        }

        // The heartbeat answer is already 202; the commit's own status goes into the body.
        var sub = new DefaultHttpContext { RequestServices = context.RequestServices, TraceIdentifier = context.TraceIdentifier, RequestAborted = ct };
        sub.Response.Body = Stream.Null;
        await puts.CommitAsync(sub, path, headers, etag, call, body, upload);
        var status = sub.Response.StatusCode;
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Response Status"] = StatusLine(status),
            ["Response Body"] = "",
        };
        if (status is >= 200 and < 300)
        {
            fields["Etag"] = etag;
            fields["Last Modified"] = sub.Response.Headers.LastModified.ToString();
        }

        await WriteAnswerAsync(context, "\r\n\r\n", fields, []);
    }

    /// <summary>One HEAD per distinct path, a few at a time, with the client's rights: each path's status and record.</summary>
    private async Task<Dictionary<string, (int Status, ObjectRecord? Record)>> HeadSegmentsAsync(HttpContext context, string accountPath,
        IReadOnlyList<ManifestInputSegment> input)
    {
        var results = new Dictionary<string, (int, ObjectRecord?)>(StringComparer.Ordinal);
        var paths = input.Where(s => s.Path is not null).Select(s => s.Path!).Distinct(StringComparer.Ordinal).ToList();
        using var gate = new SemaphoreSlim(Math.Max(1, options.Value.Concurrency));
        var tasks = paths.Select(async p =>
        {
            await gate.WaitAsync(context.RequestAborted);
            try
            {
                var sub = await SubRequest.RunAsync(context, "HEAD", accountPath + "/" + ManifestInput.Quote(p.TrimStart('/')), "SLO MultipartPUT");
                return (p, sub.Response.StatusCode, SubRequest.Record(sub));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        foreach (var (p, status, record) in await Task.WhenAll(tasks))
        {
            results[p] = (status, record);
        }

        return results;
    }

    // Swift's validate_seg_dict: every problem of the segment is listed, in Swift's order.
    private static (StoredSegment Stored, IReadOnlyList<SegmentRef> Pieces, long Length)? Check(ManifestInputSegment segment, int status, ObjectRecord? record,
        bool allowEmpty, List<(string Name, string Status)> problems)
    {
        var name = ManifestInput.Quote(segment.Path!);
        if (status is < 200 or >= 300 || record is null)
        {
            problems.Add((name, StatusLine(status is >= 200 and < 300 ? 404 : status)));
            return null;
        }

        var resolved = ResolvedSegment.From(record);
        var range = new Common.Ranges.ByteRange(0, resolved.Bytes);
        string? rangeText = null;
        var before = problems.Count;
        if (segment.Range is { } asked)
        {
            if (asked.Resolve(resolved.Bytes) is not { } selected)
            {
                problems.Add((name, "Unsatisfiable Range"));
            }
            else if (selected.Start != 0 || selected.Length != resolved.Bytes)
            {
                range = selected;
                rangeText = $"{selected.Start}-{selected.End}";
            }
        }

        if (range.Length < 1 && !allowEmpty)
        {
            problems.Add((name, "Too small; each segment must be at least 1 byte."));
        }

        if (segment.SizeBytes is { } size && size != resolved.Bytes)
        {
            problems.Add((name, "Size Mismatch"));
        }

        if (segment.Etag is { } etag && !string.Equals(etag, resolved.Etag, StringComparison.Ordinal))
        {
            problems.Add((name, "Etag Mismatch"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var stored = new StoredSegment("/" + segment.Path!.TrimStart('/'), resolved.Bytes, resolved.Etag, record.ContentType,
            LastModified(record), rangeText, resolved.IsSlo);
        return (stored, resolved.Slice(range).ToList(), range.Length);
    }

    // Inline data is kept as a blob of its own, so reading the object never decodes the manifest.
    private async Task<Outcome<SegmentRef>> StoreInlineAsync(byte[] data, int policy, CallContext call, CancellationToken ct, PendingUpload upload)
    {
        var stored = await puts.StoreAsync(new MemoryStream(data), data.Length, "", policy, call, ct, upload);
        return stored.IsSuccess ? new SegmentRef(stored.Value.BlobId, policy, 0, data.Length, data.Length) : stored.Error;
    }

    private async Task ProblemsAsync(HttpContext context, bool heartbeat, List<(string Name, string Status)> problems)
    {
        Log.ManifestRefused(logger, context.TraceIdentifier, problems.Count);
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (heartbeat)
        {
            fields["Response Status"] = StatusLine(400);
            fields["Response Body"] = ReasonPhrases.GetReasonPhrase(400);
            await WriteAnswerAsync(context, "\r\n\r\n", fields, problems);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain";
        await WriteAnswerAsync(context, "", fields, problems);
    }

    private static async Task FailAsync(HttpContext context, bool heartbeat, CloudFsError error)
    {
        if (!heartbeat)
        {
            await ProxyResults.Error(context, error);
            return;
        }

        var status = ErrorStatus.ToStatus(error.Kind);
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Response Status"] = StatusLine(status),
            ["Response Body"] = error.Message ?? ReasonPhrases.GetReasonPhrase(status),
        };
        await WriteAnswerAsync(context, "\r\n\r\n", fields, []);
    }

    // Swift's bulk-style plain answer: sorted "Key: value" lines, then the errors.
    private static async Task WriteAnswerAsync(HttpContext context, string separator, SortedDictionary<string, string> fields,
        List<(string Name, string Status)> errors)
    {
        var text = new StringBuilder(separator);
        foreach (var (key, value) in fields)
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        text.Append("Errors:\n");
        foreach (var (name, status) in errors)
        {
            text.Append(name).Append(", ").Append(status).Append('\n');
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), context.RequestAborted);
    }

    private static string StatusLine(int status) => $"{status} {ReasonPhrases.GetReasonPhrase(status)}";

    // The segment's Last-Modified (whole seconds, as its HEAD says it) in Swift's manifest form.
    private static string LastModified(ObjectRecord record) =>
        DateTimeOffset.ParseExact(record.Timestamp.ToHttpDate(), "r", CultureInfo.InvariantCulture).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss'.000000'", CultureInfo.InvariantCulture);

    private static bool IsTrue(string? value) => value?.ToLowerInvariant() is "true" or "1" or "yes" or "on" or "t" or "y";

    private static async Task<byte[]> ReadAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while (buffer.Length <= limit && (read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, Math.Min(read, limit - (int)buffer.Length + 1));
        }

        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Manifest refused {TransId}: {Count} segment problems")]
        public static partial void ManifestRefused(ILogger logger, string transId, int count);
    }
}
