using CloudFs.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Ring;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace CloudFs.Proxy.Forwarding;

/// <summary>
/// Forwards a client request to one role server with YARP's <see cref="IHttpForwarder"/>,
/// streaming both ways. Reads (no body) fail over to the next node while nothing has been sent
/// to the client yet; a request whose body may have been read is never retried.
/// </summary>
public sealed partial class Forwarder(IHttpForwarder forwarder, BackendInvoker invoker, NodeErrorLimiter limiter, IOptions<BackendOptions> options, ILogger<Forwarder> logger)
{
    public async Task ForwardAsync(HttpContext context, IReadOnlyList<RingDevice> nodes, Func<RingDevice, string> pathAndQuery, CallContext call,
        IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var canRetry = context.Request.Method is "GET" or "HEAD" && context.Request.ContentLength is null or 0
            && !context.Request.Headers.TransferEncoding.Any();
        var config = new ForwarderRequestConfig
        {
            ActivityTimeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds),
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (nodes.Count == 0)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        var error = await Failover<ForwarderError>.RunAsync(nodes.Count, async (i, _) =>
        {
            var node = nodes[i];
            var last = i == nodes.Count - 1;
            var transformer = new BackendTransformer(BackendUris.For(node, pathAndQuery(node)), call, extraHeaders)
            {
                RetryOnServerError = canRetry && !last,
            };
            var result = await forwarder.SendAsync(context, BackendUris.Prefix(node), invoker.Invoker, config, transformer, context.RequestAborted);
            var clientFault = ForwarderErrors.IsClientFault(result);
            if (clientFault)
            {
                Log.ClientFailed(logger, context.Request.Method, node.ToString(), result.ToString());
            }
            else if (result != ForwarderError.None || transformer.ServerErrorHeldBack || context.Response.StatusCode >= 500)
            {
                // A 5xx passed on to the client (the last node's, or one a body forbids retrying) counts too.
                limiter.RecordError(node);
                Log.Failed(logger, context.Request.Method, node.ToString(),
                    result == ForwarderError.None ? $"status {(transformer.ServerErrorHeldBack ? "5xx" : context.Response.StatusCode)}" : result.ToString());
            }
            else
            {
                limiter.RecordSuccess(node);
            }

            var retry = canRetry && !clientFault && !context.Response.HasStarted && (result != ForwarderError.None || transformer.ServerErrorHeldBack);
            if (retry && !last)
            {
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
            }

            return (result, retry);
        }, context.RequestAborted);

        if (error != ForwarderError.None && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await ProxyResults.Error(context, ForwarderErrors.Kind(error));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Forwarding {Method} to {Node} failed: {Error}")]
        public static partial void Failed(ILogger logger, string method, string node, string error);

        [LoggerMessage(2, LogLevel.Information, "Forwarding {Method} to {Node} stopped on the client's side: {Error}")]
        public static partial void ClientFailed(ILogger logger, string method, string node, string error);
    }
}
