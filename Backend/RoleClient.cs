using System.Net;
using CloudFs.Ring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend;

/// <summary>
/// Internal calls from one role to another with a timeout each, the internal headers and the
/// error limiter. <see cref="SendAsync"/> is for small answers (token checks, admission,
/// commits, resolves, ACL lookups, blob HEADs): idempotent calls move to the next node on any
/// failure or 5xx; other calls only when the connection could not be opened (nothing was sent).
/// <see cref="OpenAsync"/> is for bodies that must stream (blob copies).
/// </summary>
public sealed partial class RoleClient(BackendInvoker invoker, NodeErrorLimiter limiter, IOptions<BackendOptions> options, TimeProvider time, ILogger<RoleClient> logger)
{
    /// <summary>The first usable answer, or null when no node answered at all.</summary>
    public async Task<BackendResponse?> SendAsync(IReadOnlyList<RingDevice> nodes, Func<RingDevice, HttpRequestMessage> build, bool idempotent, CancellationToken ct)
    {
        if (nodes.Count == 0)
        {
            return null;
        }

        return await Failover<BackendResponse?>.RunAsync(nodes.Count, async (i, token) =>
        {
            var node = nodes[i];
            using var request = build(node);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds));
            try
            {
                using var response = await invoker.Invoker.SendAsync(request, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                var headers = response.Headers.Concat(response.Content.Headers)
                    .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
                var status = (int)response.StatusCode;
                RecordStatus(node, request.Method, status);
                return (new BackendResponse(status, headers, body, node), idempotent && status >= 500);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                limiter.RecordError(node);
                Log.NodeFailed(logger, request.Method.Method, node.ToString(), ex.Message);
                var notSent = ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
                return (null, idempotent || notSent);
            }
        }, ct);
    }

    /// <summary>
    /// One call to one node whose answer body the caller reads as a stream (and disposes). The
    /// node timeout runs until the answer's headers arrive and restarts with every chunk of the
    /// request body sent, so a large upload is limited by its silences, not its length.
    /// Null when the node could not be reached or went silent.
    /// </summary>
    public async Task<HttpResponseMessage?> OpenAsync(RingDevice node, HttpRequestMessage request, CancellationToken ct)
    {
        using var timer = new NodeTimer(TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds), time, ct);
        if (request.Content is { } body)
        {
            request.Content = new IdleTimeoutContent(body, timer);
        }

        try
        {
            var response = await invoker.Invoker.SendAsync(request, timer.Token);
            RecordStatus(node, request.Method, (int)response.StatusCode);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            limiter.RecordError(node);
            Log.NodeFailed(logger, request.Method.Method, node.ToString(), ex.Message);
            return null;
        }
    }

    /// <summary>A request to one node with the internal headers of <paramref name="call"/>.</summary>
    public static HttpRequestMessage Request(HttpMethod method, RingDevice node, string pathAndQuery, CallContext call)
    {
        var request = new HttpRequestMessage(method, BackendUris.For(node, pathAndQuery)) { Version = HttpVersion.Version11 };
        foreach (var (name, value) in call.Headers())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private void RecordStatus(RingDevice node, HttpMethod method, int status)
    {
        if (status >= 500)
        {
            limiter.RecordError(node);
            Log.ServerError(logger, method.Method, node.ToString(), status);
        }
        else
        {
            limiter.RecordSuccess(node);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Method} to {Node} failed: {Reason}")]
        public static partial void NodeFailed(ILogger logger, string method, string node, string reason);

        [LoggerMessage(2, LogLevel.Warning, "{Method} to {Node} answered {Status}")]
        public static partial void ServerError(ILogger logger, string method, string node, int status);
    }
}
