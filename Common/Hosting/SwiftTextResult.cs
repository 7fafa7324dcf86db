using System.Text;
using Microsoft.AspNetCore.Http;

namespace CloudFs.Common.Hosting;

/// <summary>
/// A text body sent with its Content-Type exactly as given: ASP.NET's own text result rewrites
/// <c>charset=UTF-8</c> as <c>charset=utf-8</c>, and Swift spells it in capitals.
/// </summary>
public sealed class SwiftTextResult(string body, string contentType, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = Encoding.UTF8.GetBytes(body);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}
