using System.Text;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// The streamed 200 answer of a bulk request. While the work goes on it sends a little white
/// space every <c>yield_frequency</c> seconds (the XML declaration first, for XML), so clients
/// and proxies keep the connection open, and then the report, after a blank line if anything
/// went before it, as Swift's bulk generator yields them.
/// </summary>
public sealed class BulkAnswer(HttpContext context, string? mediaType, TimeSpan frequency, TimeProvider time)
{
    private DateTimeOffset _lastBeat = time.GetUtcNow();
    private byte[] _beat = mediaType?.EndsWith("/xml", StringComparison.Ordinal) == true
        ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8.ToArray() : " "u8.ToArray();

    private byte[] _separator = [];

    /// <summary>Status and content type; no length, the body is sent as it is made.</summary>
    public void Start()
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        // With no acceptable format Swift leaves swob's default type on its 200.
        response.ContentType = mediaType ?? "text/html; charset=UTF-8";
    }

    /// <summary>Sends the keep-alive white space when <c>yield_frequency</c> has passed since the last.</summary>
    public async Task BeatAsync()
    {
        if (time.GetUtcNow() - _lastBeat <= frequency)
        {
            return;
        }

        _lastBeat = time.GetUtcNow();
        await context.Response.Body.WriteAsync(_beat, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        (_beat, _separator) = (" "u8.ToArray(), "\r\n\r\n"u8.ToArray());
    }

    public async Task FinishAsync(BulkReport report)
    {
        var body = Encoding.UTF8.GetBytes(report.Render(mediaType));
        await context.Response.Body.WriteAsync(_separator.Concat(body).ToArray(), context.RequestAborted);
    }
}
