using System.Net;
using System.Text;
using CloudFs.Common.Hosting;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend;

/// <summary>
/// The one shared <see cref="HttpMessageInvoker"/> every call to a role server goes through
/// (YARP's direct-forwarding sample): pooled connections, no proxies, cookies, redirects or
/// decompression, a connect timeout so a dead node fails fast; every request signed on its way out.
/// </summary>
public sealed class BackendInvoker : IDisposable
{
    public BackendInvoker(IOptions<BackendOptions> options, IOptions<ClusterOptions> cluster, TimeProvider time)
    {
        Invoker = new HttpMessageInvoker(new SigningHandler(cluster, time) { InnerHandler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            Expect100ContinueTimeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds),
            // Swift metadata values are UTF-8 on the wire, both ways.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        } });
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
