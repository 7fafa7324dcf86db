using CloudFs.Common.Time;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// The HTTP side of <see cref="ConditionalRequest"/>, shared by plain objects and large objects:
/// reads the request's conditional headers and writes the 304 or 412 over headers already set.
/// </summary>
public static class ConditionalAnswer
{
    public static ConditionalResult Evaluate(HttpRequest request, string etag, Timestamp lastModified) =>
        ConditionalRequest.Evaluate(etag, lastModified,
            request.Headers.TryGetValue("If-Match", out var ifMatch) ? ifMatch.ToString() : null,
            request.Headers.IfNoneMatch, request.Headers.IfModifiedSince, request.Headers.IfUnmodifiedSince);

    /// <summary>As Swift: a 304 carries every object header; a 412 is an error page over them (no Accept-Ranges). No body.</summary>
    public static void Write(HttpResponse response, ConditionalResult result)
    {
        if (result == ConditionalResult.NotModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
        }
        else
        {
            response.StatusCode = StatusCodes.Status412PreconditionFailed;
            response.ContentType = "text/html; charset=UTF-8";
            response.Headers.Remove("Accept-Ranges");
        }

        response.ContentLength = 0;
    }
}
