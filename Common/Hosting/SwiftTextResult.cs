using System.Text;
using Microsoft.AspNetCore.Http;

namespace CloudFs.Common.Hosting;

/// <summary>
/// A text body sent with its Content-Type exactly as given: ASP.NET's own text result rewrites
/// <c>charset=UTF-8</c> as <c>charset=utf-8</c>, and Swift spells it in capitals.
/// </summary>
/// <param name="stockPage">
/// The body is swob's stock page for the status, which swob makes only when it sends a body: a
/// HEAD then says <c>Content-Length: 0</c>; a HEAD of an answer with its own text says that text's length.
/// </param>
public sealed class SwiftTextResult(string body, string contentType, int status, bool stockPage = false) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = Encoding.UTF8.GetBytes(body);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        var head = HttpMethods.IsHead(httpContext.Request.Method);
        response.ContentLength = head && stockPage ? 0 : bytes.Length;
        if (!head)
        {
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}
