using System.Text;
using CloudFs.Backend;
using CloudFs.Common.Paths;
using CloudFs.Common.Time;
using CloudFs.Proxy.Middleware.TempUrl;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary>
/// Swift's formpost: a <c>multipart/form-data</c> POST to a container (or a prefix in it) whose
/// fields are signed with a Temp-URL-Key stores each file part through the normal object PUT,
/// streamed as it arrives. Fields must come before the files they govern, as in Swift.
/// </summary>
public sealed class FormPostMiddleware(RequestDelegate next, IOptionsMonitor<FormPostOptions> options, ScopeInfoCache scopes,
    ObjectPutHandler puts, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        if (!o.Enabled || context.Request.Method != "POST" || Boundary(context.Request.ContentType) is not { } boundary)
        {
            await next(context);
            return;
        }

        try
        {
            await TranslateAsync(context, boundary, new TempUrlOptions { AllowedDigests = o.AllowedDigests }.Digests());
        }
        catch (FormPostFailure failure)
        {
            var response = context.Response;
            response.Clear();
            response.StatusCode = failure.Unauthorized ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            response.ContentType = failure.Unauthorized ? "text/html; charset=UTF-8" : "text/plain";
            if (failure.Unauthorized)
            {
                response.Headers.WWWAuthenticate = "Swift realm=\"unknown\"";
            }

            var body = Encoding.UTF8.GetBytes(failure.Body);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private async Task TranslateAsync(HttpContext context, string boundary, IReadOnlyList<string> digests)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var rawPath = raw.Split('?', 2)[0];
        var path = PercentDecoding.TryDecodeName(rawPath, out var decoded) ? decoded : rawPath;
        var keys = await KeysAsync(context, rawPath);
        var reader = new MultipartReader(boundary, context.Request.Body);
        var attributes = new FormAttributes();
        var files = 0;
        var sections = 0;
        int? status = null;
        var message = "";
        while (await NextSectionAsync(reader, sections++ == 0, context.RequestAborted) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var d) ? d : null;
            var filename = disposition is null ? "" : HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
            if (disposition?.DispositionType.Equals("form-data", StringComparison.Ordinal) == true && filename.Length > 0)
            {
                files++;
                if (!attributes.AllowsFile(files))
                {
                    (status, message) = (StatusCodes.Status400BadRequest, "max file count exceeded");
                    break;
                }

                status = await StoreAsync(context, path, rawPath, attributes, section, filename, keys, digests);
                if (status is < 200 or >= 300)
                {
                    break;
                }
            }
            else
            {
                var value = await ReadValueAsync(section.Body, context.RequestAborted);
                if (disposition?.Name is { Length: > 0 } name)
                {
                    attributes.Set(HeaderUtilities.RemoveQuotes(name).ToString(), value);
                }
            }
        }

        if (status is null)
        {
            (status, message) = (StatusCodes.Status400BadRequest, "no files to process");
        }

        var answer = FormPostAnswer.For(status.Value, message, attributes.Redirect);
        var response = context.Response;
        response.StatusCode = answer.Status;
        if (answer.Location is not null)
        {
            response.Headers.Location = answer.Location;
        }

        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }

        var body = Encoding.UTF8.GetBytes(answer.Body);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>One file part as an object PUT of its own; its status.</summary>
    private async Task<int> StoreAsync(HttpContext context, string path, string rawPath, FormAttributes attributes, MultipartSection section,
        string filename, List<(string Key, bool AccountScope)> keys, IReadOnlyList<string> digests)
    {
        if (keys.Count == 0)
        {
            throw FormPostFailure.Denied("invalid signature");
        }

        var capped = new CappedStream(section.Body, attributes.MaxFileSize);
        var deleteHeaders = attributes.DeleteHeaders();
        attributes.Verify(path, keys.Select(k => k.Key).ToList(), digests, time.GetUtcNow().ToUnixTimeSeconds());

        // Swift appends the file name to the form's path, after a slash when it names just the container.
        var target = rawPath + (!rawPath.EndsWith('/') && rawPath.Count(c => c == '/') < 4 ? "/" : "") + Uri.EscapeDataString(filename);
        var parsed = ResourcePathParser.Parse(target);
        if (!parsed.IsSuccess || parsed.Value.Object is null)
        {
            return parsed.IsSuccess ? StatusCodes.Status400BadRequest : Common.Results.ErrorStatus.ToStatus(parsed.Error.Kind);
        }

        var sub = new DefaultHttpContext { RequestServices = context.RequestServices, TraceIdentifier = context.TraceIdentifier };
        sub.RequestAborted = context.RequestAborted;
        sub.Request.Method = "PUT";
        sub.Request.Headers.TransferEncoding = "chunked";
        sub.Request.Body = capped;
        sub.Response.Body = Stream.Null;
        var contentType = attributes.Get("content-type") ?? section.ContentType;
        if (contentType is not null)
        {
            sub.Request.ContentType = contentType.Length > 0 ? contentType : "application/octet-stream";
        }

        if ((attributes.Get("content-encoding") ?? (section.Headers?.TryGetValue("Content-Encoding", out var given) == true ? given.ToString() : null)) is { Length: > 0 } encoding)
        {
            sub.Request.Headers.ContentEncoding = encoding;
        }

        foreach (var (name, value) in deleteHeaders)
        {
            sub.Request.Headers[name] = value;
        }

        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        await puts.PutAsync(sub, parsed.Value, call);
        if (capped.Exceeded)
        {
            throw FormPostFailure.Invalid("max_file_size exceeded");
        }

        foreach (var (name, value) in sub.Response.Headers.Where(h => h.Key.StartsWith("Access-Control", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[name] = value;
        }

        return sub.Response.StatusCode;
    }

    private async Task<List<(string Key, bool AccountScope)>> KeysAsync(HttpContext context, string rawPath)
    {
        // Swift looks keys up only for /v1/account/container[/...]; elsewhere the form has none.
        if (ResourcePathParser.Parse(rawPath) is not { IsSuccess: true, Value: { Container: { } container } path })
        {
            return [];
        }

        return await scopes.TempUrlKeysAsync(path.Account, container, context.TraceIdentifier, context.RequestAborted);
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, bool first, CancellationToken ct)
    {
        try
        {
            return await reader.ReadNextSectionAsync(ct);
        }
        catch (Exception ex) when (first && ex is IOException or InvalidDataException)
        {
            throw FormPostFailure.Invalid("invalid starting boundary");
        }
    }

    /// <summary>A field's value: its first 4096 bytes as UTF-8, the rest read and dropped.</summary>
    private static async Task<string> ReadValueAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[FormAttributes.MaxValueLength];
        var filled = 0;
        int n;
        while (filled < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
        {
            filled += n;
        }

        var scratch = new byte[4096];
        while (await body.ReadAsync(scratch, ct) > 0)
        {
        }

        return Encoding.UTF8.GetString(buffer, 0, filled);
    }

    /// <summary>The boundary of a <c>multipart/form-data</c> body, or null for any other body.</summary>
    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType != "multipart/form-data")
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).ToString();
        return boundary.Length > 0 ? boundary : null;
    }
}
