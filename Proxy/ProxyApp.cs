using CloudFs.Common.Hosting;

namespace CloudFs.Proxy;

/// <summary>Builds the proxy; tests call it to run one in process.</summary>
public static class ProxyApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = CloudFsHost.CreateBuilder(args, ServerRole.Proxy);
        var app = builder.Build();
        app.UseCloudFsDefaults();
        return app;
    }
}
