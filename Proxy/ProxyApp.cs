using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Proxy.WebConsole;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Middleware;
using CloudFs.Proxy.Routing;

namespace CloudFs.Proxy;

/// <summary>Builds the proxy; tests call it to run one in process.</summary>
public static class ProxyApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = CloudFsHost.CreateBuilder(args, ServerRole.Proxy);
        // Object bodies go up to Proxy:MaxFileSize (5 GiB), checked by the proxy itself.
        // Metadata values are UTF-8 on the wire, as Swift sends them back.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
        });
        builder.Services.AddProxyServices();
        builder.Services.AddSwiftMiddleware(builder.Configuration);
        // YARP logs every forwarded request at Information; the request log line already says it.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        var app = builder.Build();
        // Load the rings now: a proxy without them cannot route anything, so it should not start.
        app.Services.GetRequiredService<RingSet>();
        app.UseCloudFsDefaults();
        app.UseMiddleware<Auth.ReconGuard>();
        // Static files only, before the Swift middlewares: the console is a client of the API.
        app.UseWebConsole();
        // Before the Swift middlewares: a throttled login is answered without any of them.
        app.UseMiddleware<Auth.LoginThrottleMiddleware>();
        app.UseSwiftMiddleware();
        app.MapSwiftApi();
        return app;
    }
}
