using Microsoft.AspNetCore.Http;

namespace CloudFs.ContainerServer.Endpoints;

/// <summary>
/// A listing answer as Swift sends it: the scope's headers, the body with its exact
/// Content-Length, 204 when there is no body (HEAD, or an empty plain-text list).
/// </summary>
public sealed class ListingResponse(IReadOnlyList<KeyValuePair<string, string>> headers, string contentType, byte[] body, bool head)
    : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = head || body.Length == 0 ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
        response.ContentType = contentType + "; charset=utf-8";
        foreach (var (name, value) in headers)
        {
            response.Headers.Append(name, value);
        }

        response.ContentLength = head ? 0 : body.Length;
        if (!head && body.Length > 0)
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
