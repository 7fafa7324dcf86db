using CloudFs.Common.Hosting;
using CloudFs.ObjectServer.Endpoints;
using Microsoft.AspNetCore.Builder;

namespace CloudFs.ObjectServer;

/// <summary>
/// Builds the object server; Program.cs runs it, integration tests start it in process
/// (with <c>--Server:Port=0</c>) the same way.
/// </summary>
public static class ObjectServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = CloudFsHost.CreateBuilder(args, ServerRole.Object);
        builder.Services.AddObjectServer(builder.Configuration);

        var app = builder.Build();
        app.UseCloudFsDefaults();
        app.MapObjectApi();
        return app;
    }
}
