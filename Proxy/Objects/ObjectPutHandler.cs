using System.Globalization;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Mime;
using CloudFs.Common.Ranges;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using CloudFs.Proxy.Symlinks;
using CloudFs.Proxy.Versioning;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Object PUT: admission on the account server, a fresh blob id, the body streamed once to
/// every replica, a majority of identical ETags, then the commit of name → blob. Copies
/// (X-Copy-From, COPY) commit the source's blob under the new name without moving bytes,
/// except a copy with a Range, which streams that range into a new blob, and a copy of a dynamic
/// large object, which stores the bytes its segments hold (LargeObjects/DloBody).
/// </summary>
public sealed partial class ObjectPutHandler(CatalogClient catalog, ReplicaWriter writer, RingSet rings, NodeSelector selector,
    ObjectGetHandler gets, SymlinkHandler symlinks, LargeObjects.SegmentStreamer segments, SmallBodyCache bodies, TimeProvider time,
    IOptions<ProxyOptions> options, ILogger<ObjectPutHandler> logger)
{
    /// <param name="authorize">Checks a static link's target (a read); without it X-Symlink-Target is not looked at.</param>
    public async Task PutAsync(HttpContext context, ResourcePath path, CallContext call, ReadAuthorizer? authorize = null)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (VersionQuery.Of(path.Query) is { } version)
        {
            await VersionRestore.PutAsync(context, catalog, path, version, call);
            return;
        }

        if (TransferCodingError(request.Headers.TransferEncoding.ToString()) is { } badCoding)
        {
            await badCoding.ExecuteAsync(context);
            return;
        }

        var chunked = request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var length = chunked ? null : request.ContentLength;
        if (length is null && !chunked)
        {
            await ProxyResults.Error(context, CloudFsError.Plain(CloudFsErrorKind.LengthRequired, "Missing Content-Length header."));
            return;
        }

        if (length > options.Value.MaxFileSize)
        {
            await ProxyResults.Error(context, CloudFsError.Plain(CloudFsErrorKind.RequestEntityTooLarge, "Your request is too large."));
            return;
        }

        if (MetadataLimits.CheckHeaders(request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())), MetadataLimits.ObjectPrefix) is { } badMeta)
        {
            await ProxyResults.Error(context, badMeta);
            return;
        }

        if (ClientContentType.Check(request.Headers.ContentType) is { } badType)
        {
            await ProxyResults.Error(context, badType);
            return;
        }

        var link = authorize is null ? [] : await symlinks.PreparePutAsync(context, path, length, call, authorize);
        if (link is null)
        {
            return;
        }

        var checks = await PreconditionsAsync(context, path, call);
        if (!checks.IsSuccess)
        {
            await ProxyResults.Error(context, checks.Error);
            return;
        }

        // Compared as given, as Swift does: an ETag that is not a lower-case hex MD5 (upper case
        // included, recorded: object/etag-right-upper) can never match, so it is refused before
        // any byte is stored or any quota reserved.
        var expectedEtag = request.Headers.ETag.ToString().Trim('"');
        if (expectedEtag.Length > 0 && (expectedEtag.Length != 32 || expectedEtag.AsSpan().ContainsAnyExcept("0123456789abcdef")))
        {
            await EtagMismatchAsync(context, call);
            return;
        }
        var admit = await catalog.AdmitAsync(path, length ?? -1, call, ct);
        if (!admit.IsSuccess)
        {
            await ProxyResults.Error(context, admit.Error);
            return;
        }

        // Whatever stops this upload before the account server answers its commit (no quorum,
        // the client gone, a bad ETag, an exception) hands back its reservation and blob at once.
        var upload = new PendingUpload(path, admit.Value.Reservation);
        try
        {
            // A small body is kept as it streams by, for the reads that follow an upload.
            var captured = length is { } announced && bodies.Keeps(announced) ? new CapturedBody(request.Body, (int)announced) : null;
            var stored = await StoreAsync(captured ?? request.Body, length, expectedEtag, admit.Value.PolicyIndex, call, ct, upload);
            if (!stored.IsSuccess)
            {
                // Handed back before the client hears of it, so a retry finds the room free.
                await catalog.AbandonAsync(upload, call);
                await (stored.Error.Kind == CloudFsErrorKind.UnprocessableEntity ? EtagMismatchAsync(context, call) : ProxyResults.Error(context, stored.Error));
                return;
            }

            var (blobId, md5, bytes) = stored.Value;
            var headers = CommitHeaders(request, path, checks.Value, blobId, admit.Value.PolicyIndex, md5, bytes, admit.Value.Reservation);
            headers.Add(WrittenBlob);
            headers.AddRange(link);
            await CommitAsync(context, path, headers, md5, call, upload: upload);
            if (context.Response.StatusCode == StatusCodes.Status201Created && captured?.Body is { } body)
            {
                bodies.Keep(blobId, body);
            }
        }
        finally
        {
            await catalog.AbandonAsync(upload, call);
        }
    }

    // Swift's 422 for an ETag that does not match says when the upload was made.
    private static Task EtagMismatchAsync(HttpContext context, CallContext call)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.LastModified = call.Timestamp.ToHttpDate();
            return Task.CompletedTask;
        });
        return ProxyResults.Error(context, CloudFsErrorKind.UnprocessableEntity);
    }

    /// <summary>Streams a body into a fresh blob on every replica; the blob id, MD5 and size once a quorum holds it.</summary>
    /// <param name="upload">Learns the blob id before any byte is sent, so a failed upload can queue it.</param>
    internal async Task<Outcome<(string BlobId, string Md5, long Bytes)>> StoreAsync(Stream body, long? length, string expectedEtag, int policy,
        CallContext call, CancellationToken ct, PendingUpload? upload = null)
    {
        var blobId = Guid.CreateVersion7().ToString("N");
        upload?.Wrote(blobId);
        var ring = rings.ObjectFor(policy);
        var part = ring.GetBlobPartition(blobId);
        var nodes = selector.ForReplicaWrite(ring, part);
        var result = await writer.PutAsync(body, length, nodes, part, blobId, policy, expectedEtag.Length > 0 ? expectedEtag : null, call, ct);
        if (result.Error is { } failed)
        {
            Log.UploadFailed(logger, blobId, failed.Kind.ToString());
            return failed;
        }

        // Md5 is empty when no replica stored the body: the quorum check below says why.
        if (expectedEtag.Length > 0 && result.Md5.Length > 0 && !string.Equals(expectedEtag, result.Md5, StringComparison.Ordinal))
        {
            return new CloudFsError(CloudFsErrorKind.UnprocessableEntity);
        }

        if (!Quorum.IsMet(result.Durable, nodes.Count))
        {
            Log.NoQuorum(logger, blobId, result.Durable, nodes.Count);
            var refusedByAll = result.Answers.FirstOrDefault(a => a.Status is 413 or 422 or 507);
            return refusedByAll is not null && result.Answers.All(a => a.Status == refusedByAll.Status)
                ? new CloudFsError(ErrorStatus.ToKind(refusedByAll.Status))
                : new CloudFsError(CloudFsErrorKind.ServiceUnavailable);
        }

        return (blobId, result.Md5, result.Bytes);
    }

    /// <summary>PUT with X-Copy-From, or COPY with Destination: the source's blob under a new name.</summary>
    /// <param name="authorize">Lets a source link be followed (what it names is copied, as in Swift).</param>
    public async Task CopyAsync(HttpContext context, ResourcePath source, ResourcePath destination, CallContext call, ReadAuthorizer? authorize = null)
    {
        var ct = context.RequestAborted;
        // ?version-id= on a copy names the source's version (Swift's copy middleware drops it from the sink).
        var resolved = await catalog.ResolveAsync(source, call, ct, VersionQuery.Of(context.Request.QueryString.Value ?? ""));
        if (!resolved.IsSuccess)
        {
            await ProxyResults.Error(context, resolved.Error);
            return;
        }

        var (record, link) = authorize is null ? (resolved.Value, []) : await symlinks.CopySourceAsync(context, source, resolved.Value, call, authorize);
        if (record is null)
        {
            return;
        }

        var request = context.Request;
        // A dynamic large object is copied as the bytes it stands for, as Swift's copy does
        // (unless ?multipart-manifest=get asks for the manifest object itself).
        LargeObjects.DloBody? dlo = null;
        if (LargeObjects.DloManifest.Of(record) is { } manifest && !LargeObjects.DloManifest.WantsManifest(request))
        {
            dlo = await context.RequestServices.GetRequiredService<LargeObjects.DloGetHandler>().OpenBodyAsync(context, source, manifest, call);
            if (dlo is null)
            {
                return;
            }
        }

        // Swift's copy reads the source with the client's conditional headers and Range, and a
        // read they stop is the copy's answer: the source's 304, 412 or 416, nothing stored.
        // (A dynamic large object's body keeps the earlier behaviour: no conditionals.)
        var view = dlo is null ? LargeObjects.LargeObjectView.For(record, request.Query) : null;
        if (dlo is null && ObjectGetHandler.AnswerConditional(request, context.Response, record, view))
        {
            return;
        }

        // A static large object (or a copy of one) is copied as the object it reads as: its pieces,
        // shared, not copied; ?multipart-manifest=get copies the manifest itself.
        var manifestCopy = dlo is null && record.IsSlo && string.Equals(request.Query["multipart-manifest"], "get", StringComparison.Ordinal);
        var piecewise = dlo is null && record.Segments is not null && !manifestCopy;
        var sourceBytes = dlo?.Length ?? (piecewise ? record.SloBytes ?? record.Bytes : record.Bytes);
        var range = manifestCopy ? RangeRequest.Full : RangeHeaderParser.Parse(request.Headers.Range, sourceBytes);
        if (range.Outcome == RangeOutcome.Unsatisfiable)
        {
            await (dlo is null
                ? ObjectGetHandler.RangeNotSatisfiableAsync(context, record, view, sourceBytes)
                : ProxyResults.Error(context, CloudFsErrorKind.RangeNotSatisfiable));
            return;
        }

        // The copy's PUT checks the client's Content-Type as any PUT does, once the source is read.
        if (ClientContentType.Check(request.Headers.ContentType) is { } badType)
        {
            await ProxyResults.Error(context, badType);
            return;
        }

        // One range: Swift copies just those bytes, so they go into a blob of their own.
        var ranged = range.Outcome == RangeOutcome.Partial && range.Ranges.Count == 1;
        var checks = await PreconditionsAsync(context, destination, call);
        if (!checks.IsSuccess)
        {
            await ProxyResults.Error(context, checks.Error);
            return;
        }

        var admit = await catalog.AdmitAsync(destination, ranged ? range.Ranges[0].Length : sourceBytes, call, ct);
        if (!admit.IsSuccess)
        {
            await ProxyResults.Error(context, admit.Error);
            return;
        }

        var upload = new PendingUpload(destination, admit.Value.Reservation);
        try
        {
            await CopyAdmittedAsync(context, source, destination, call, record, dlo, manifestCopy, piecewise, sourceBytes, range, ranged, checks.Value,
                admit.Value, link, upload);
        }
        finally
        {
            await catalog.AbandonAsync(upload, call);
        }
    }

    // The copy once admitted: the blob it names (shared, or a new one for a range or a DLO), then the commit.
    private async Task CopyAdmittedAsync(HttpContext context, ResourcePath source, ResourcePath destination, CallContext call, ObjectRecord record,
        LargeObjects.DloBody? dlo, bool manifestCopy, bool piecewise, long sourceBytes, RangeRequest range, bool ranged, long? deleteAt, Admission admit,
        IReadOnlyList<KeyValuePair<string, string>> link, PendingUpload upload)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        // A whole-object copy shares the source's blob, so it stays where the source's policy put
        // it; a ranged copy is a new blob in the destination's policy.
        var (blobId, etag, bytes, policy) = (record.BlobId, record.Hash, record.Bytes, record.PolicyIndex);
        var written = false;
        CompositeBody? composite = null;
        if (manifestCopy)
        {
            composite = new CompositeBody(record.SloBytes, record.SloEtag, record.Segments!);
        }
        else if (piecewise)
        {
            var whole = new ByteRange(0, sourceBytes);
            var pieces = LargeObjects.ResolvedSegment.From(record).Slice(ranged ? range.Ranges[0] : whole).ToList();
            var md5 = await HashPiecesAsync(pieces.Select(LargeObjects.SegmentPiece.Of).ToList(), call, ct);
            if (md5 is null)
            {
                await catalog.AbandonAsync(upload, call);
                await ProxyResults.Unavailable(context);
                return;
            }

            (blobId, etag, bytes) = ("", md5, ranged ? range.Ranges[0].Length : sourceBytes);
            composite = new CompositeBody(null, null, pieces);
        }
        else if (ranged || dlo is not null)
        {
            policy = admit.PolicyIndex;
            var copied = dlo is null
                ? await CopyRangeAsync(record, range.Ranges[0], policy, call, ct, upload)
                : await dlo.StoreAsync(ranged ? range.Ranges[0] : null, (body, length) => StoreAsync(body, length, "", policy, call, ct, upload), call, ct);
            if (!copied.IsSuccess)
            {
                await catalog.AbandonAsync(upload, call);
                await ProxyResults.Error(context, copied.Error);
                return;
            }

            (blobId, etag, bytes) = copied.Value;
            written = true;
        }

        var fresh = string.Equals(request.Headers["X-Fresh-Metadata"], "true", StringComparison.OrdinalIgnoreCase);
        var headers = new List<KeyValuePair<string, string>>();
        if (!fresh)
        {
            headers.AddRange(ObjectHeaders.For(record).Where(h => ObjectHeaders.IsStored(h.Key)
                && (dlo is null || !h.Key.Equals(LargeObjects.DloManifest.Header, StringComparison.OrdinalIgnoreCase))));
        }

        headers.RemoveAll(h => request.Headers.ContainsKey(h.Key));
        headers.AddRange(CommitHeaders(request, destination, deleteAt, blobId, policy, etag, bytes, admit.Reservation,
            request.Headers.ContentType.Count == 0 ? record.ContentType : null));
        if (written)
        {
            headers.Add(WrittenBlob);
        }
        if (composite is not null)
        {
            headers.Add(new(BackendHeaders.Composite, "1"));
        }

        context.Response.Headers["X-Copied-From"] = Uri.EscapeDataString(source.Container!) + "/" + string.Join('/', source.Object!.Split('/').Select(Uri.EscapeDataString));
        context.Response.Headers["X-Copied-From-Last-Modified"] = record.Timestamp.ToHttpDate();
        context.Response.Headers["X-Copied-From-Account"] = Uri.EscapeDataString(source.Account);
        // Swift's copy answers with the new object's metadata and X-Delete-At, as a client would HEAD it.
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith(MetadataLimits.ObjectPrefix, StringComparison.OrdinalIgnoreCase)
            || h.Key.Equals(DeleteAtHeaders.At, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[HeaderCase.Title(name)] = value;
        }

        headers.AddRange(link);
        await CommitAsync(context, destination, headers, manifestCopy ? $"\"{record.SloEtag}\"" : etag, call,
            composite is null ? null : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(composite, ContractJson.Default.CompositeBody), upload);
    }

    /// <summary>
    /// The MD5 of a body made of pieces, read from the replicas and thrown away: a copy of a large
    /// object shares its pieces but, as Swift's copy, carries the MD5 of its bytes as ETag. Null
    /// when a piece cannot be read.
    /// </summary>
    private async Task<string?> HashPiecesAsync(IReadOnlyList<LargeObjects.SegmentPiece> pieces, CallContext call, CancellationToken ct)
    {
        using var md5 = System.Security.Cryptography.MD5.Create();
        try
        {
            await using (var sink = new System.Security.Cryptography.CryptoStream(Stream.Null, md5, System.Security.Cryptography.CryptoStreamMode.Write, leaveOpen: true))
            {
                await segments.CopyToAsync(new LargeObjects.SegmentPieceList(pieces), null, sink, call, ct);
            }

            return Convert.ToHexStringLower(md5.Hash!);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            Log.UploadFailed(logger, "(pieces)", ex.Message);
            return null;
        }
    }

    /// <summary>Streams one range of the source's blob from a replica into a new blob.</summary>
    private async Task<Outcome<(string BlobId, string Md5, long Bytes)>> CopyRangeAsync(ObjectRecord source, ByteRange range, int policy, CallContext call,
        CancellationToken ct, PendingUpload upload)
    {
        using var blob = await gets.OpenBlobAsync(source, $"bytes={range.Start}-{range.Start + range.Length - 1}", call, ct);
        if (blob is null || blob.StatusCode != System.Net.HttpStatusCode.PartialContent)
        {
            return new CloudFsError(CloudFsErrorKind.ServiceUnavailable);
        }

        await using var body = await blob.Content.ReadAsStreamAsync(ct);
        return await StoreAsync(body, range.Length, "", policy, call, ct, upload);
    }

    /// <param name="upload">Settled once the account server answers: from then on it owns the reservation and the blobs (a refused commit frees both there).</param>
    internal async Task CommitAsync(HttpContext context, ResourcePath path, List<KeyValuePair<string, string>> headers, string etag, CallContext call,
        byte[]? body = null, PendingUpload? upload = null)
    {
        var response = await catalog.WriteAsync(HttpMethod.Put, path, headers, call, context.RequestAborted, body);
        if (response is { Status: < 500 })
        {
            upload?.Settle();
        }

        if (response is null)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        if (!response.IsSuccess && response.Status != 409)
        {
            catalog.CommitRefused(path, response.Status);
            await ProxyResults.Error(context, StatusKinds.ToError(response));
            return;
        }

        ObjectVersionAnswer.FromCatalog(context, response.Header);
        // 409: a newer write of the same name won; Swift answers such a PUT 202.
        context.Response.StatusCode = response.Status == 409 ? StatusCodes.Status202Accepted : StatusCodes.Status201Created;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = call.Timestamp.ToHttpDate();
        context.Response.ContentType = "text/html; charset=UTF-8";
        context.Response.ContentLength = 0;
    }

    /// <summary>X-Delete-* and If-None-Match; the resolved X-Delete-At.</summary>
    internal async Task<Outcome<long?>> PreconditionsAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var request = context.Request;
        var deleteAt = DeleteAtHeaders.Resolve(request.Headers[DeleteAtHeaders.At], request.Headers[DeleteAtHeaders.After], time.GetUtcNow().ToUnixTimeSeconds());
        if (deleteAt.Error is not null)
        {
            return deleteAt;
        }

        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            if (ifNoneMatch.Trim() != "*")
            {
                return CloudFsError.Plain(CloudFsErrorKind.BadRequest, "If-None-Match only supports *");
            }

            var existing = await catalog.ResolveAsync(path, call, context.RequestAborted);
            if (existing.IsSuccess)
            {
                return new CloudFsError(CloudFsErrorKind.PreconditionFailed);
            }

            if (existing.Error.Kind != CloudFsErrorKind.NotFound)
            {
                return existing.Error;
            }
        }

        return deleteAt;
    }

    /// <summary>Tells the account server the commit's blob was written for it (BackendHeaders.BlobWritten), not a copy's source.</summary>
    internal static readonly KeyValuePair<string, string> WrittenBlob = new(BackendHeaders.BlobWritten, "1");

    internal static List<KeyValuePair<string, string>> CommitHeaders(HttpRequest request, ResourcePath path, long? deleteAt,
        string blobId, int policyIndex, string etag, long size, string reservation, string? contentType = null)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new(BackendHeaders.BlobId, blobId),
            new(BackendHeaders.StoragePolicyIndex, policyIndex.ToString(CultureInfo.InvariantCulture)),
            new(BackendHeaders.Etag, etag),
            new(BackendHeaders.Size, size.ToString(CultureInfo.InvariantCulture)),
            new("Content-Type", contentType ?? ContentTypeFor(request, path.Object!)),
        };
        if (reservation.Length > 0)
        {
            headers.Add(new(BackendHeaders.Reservation, reservation));
        }

        if (deleteAt is { } at)
        {
            headers.Add(new("X-Delete-At", at.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in request.Headers)
        {
            if (ObjectHeaders.IsStored(name))
            {
                headers.Add(new(name, value.ToString()));
            }
        }

        return headers;
    }

    /// <summary>Swift's <c>is_chunked</c>: one coding only, and it must be chunked (501 / 400, as plain text).</summary>
    private static SwiftTextResult? TransferCodingError(string transferEncoding)
    {
        if (transferEncoding.Length == 0)
        {
            return null;
        }

        var codings = transferEncoding.Split(',');
        if (codings.Length > 1)
        {
            return new SwiftTextResult("Unsupported Transfer-Coding header value specified in Transfer-Encoding header", "text/plain",
                StatusCodes.Status501NotImplemented);
        }

        return codings[0].Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase)
            ? null
            : new SwiftTextResult("Invalid Transfer-Encoding header value", "text/plain", StatusCodes.Status400BadRequest);
    }

    private static string ContentTypeFor(HttpRequest request, string name)
    {
        var given = request.Headers.ContentType.ToString();
        if (given.Length > 0 && !string.Equals(request.Headers["X-Detect-Content-Type"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return given;
        }

        return ContentTypeGuesser.System.Guess(name) ?? "application/octet-stream";
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Upload of blob {BlobId} failed: {Kind}")]
        public static partial void UploadFailed(ILogger logger, string blobId, string kind);

        [LoggerMessage(2, LogLevel.Error, "Blob {BlobId}: {Durable} durable replicas of {Replicas}, no quorum")]
        public static partial void NoQuorum(ILogger logger, string blobId, int durable, int replicas);
    }
}
