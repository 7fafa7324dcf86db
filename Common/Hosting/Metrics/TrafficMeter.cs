using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;

namespace CloudFs.Common.Hosting.Metrics;

/// <summary>
/// Body bytes in and out of a role, by method. Counted from the declared Content-Length
/// (request) and the answered one (response): wrapping every body in a counting stream would
/// cost the data path a copy layer. Chunked bodies are not in these counters; the object
/// server's stored and served byte counters cover the data whatever the framing.
/// </summary>
public static class TrafficMeter
{
    public const string Name = "CloudFs.Http";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "cloudfs.http.server.received", "By", "Request body bytes with a declared Content-Length.");

    private static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "cloudfs.http.server.sent", "By", "Response body bytes with a Content-Length.");

    public static void Record(string method, int status, long? received, long? sent)
    {
        // A HEAD or 304 answer declares the length of a body it does not send.
        if (HttpMethods.IsHead(method) || status == StatusCodes.Status304NotModified)
        {
            sent = null;
        }

        if (received is > 0 && Received.Enabled)
        {
            Received.Add(received.Value, new KeyValuePair<string, object?>("http.request.method", method));
        }

        if (sent is > 0 && Sent.Enabled)
        {
            Sent.Add(sent.Value, new KeyValuePair<string, object?>("http.request.method", method));
        }
    }
}
