using System.Net;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Backend;

/// <summary>
/// Small internal calls to account and container servers (token checks, admission, commits,
/// resolves, ACL lookups) with a timeout each. Idempotent calls move to the next node on any
/// failure or 5xx; other calls only when the connection could not be opened (nothing was sent).
/// </summary>
public sealed partial class RoleClient(BackendInvoker invoker, NodeErrorLimiter limiter, IOptions<ProxyOptions> options, ILogger<RoleClient> logger)
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
                if (status >= 500)
                {
                    limiter.RecordError(node);
                    Log.ServerError(logger, request.Method.Method, node.ToString(), status);
                }
                else
                {
                    limiter.RecordSuccess(node);
                }

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

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Method} to {Node} failed: {Reason}")]
        public static partial void NodeFailed(ILogger logger, string method, string node, string reason);

        [LoggerMessage(2, LogLevel.Warning, "{Method} to {Node} answered {Status}")]
        public static partial void ServerError(ILogger logger, string method, string node, int status);
    }
}
