using CloudFs.Common.Hosting;
using CloudFs.ContainerServer.Endpoints;

namespace CloudFs.ContainerServer;

/// <summary>Builds the container server (catalog reads); tests call it to run one in process.</summary>
public static class ContainerServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = CloudFsHost.CreateBuilder(args, ServerRole.Container);
        builder.Services.AddContainerServer();
        var app = builder.Build();
        app.UseCloudFsDefaults();
        app.MapContainerServerApi();
        return app;
    }
}
