using CloudFs.Backend;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CloudFs.UnitTests.Proxy;

/// <summary>
/// A role server stand-in: real Kestrel on 127.0.0.1 and a free port, every request answered by
/// the test's handler, so the proxy's real HTTP client code runs against it.
/// </summary>
public sealed class FakeRoleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private FakeRoleServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<FakeRoleServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = null); // big test bodies
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new FakeRoleServer(app, new Uri(app.Urls.First()));
    }

    /// <summary>A ring device on this server.</summary>
    public CloudFs.Ring.RingDevice Device(int id, string device) => new(id, 1, id + 1, Address.Host, Address.Port, device, 100);

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
