using CloudFs.ObjectServer;
using Microsoft.AspNetCore.Builder;

namespace CloudFs.IntegrationTests.ObjectServer;

/// <summary>
/// One object server in this process on 127.0.0.1 and a free port, over a temp devices root
/// with device "sda". Extra settings are passed as command-line overrides.
/// </summary>
internal sealed class ObjectServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ObjectServerHost(WebApplication app, string root, Uri baseAddress)
    {
        _app = app;
        Root = root;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
    }

    public string Root { get; }

    public string DevicesRoot => Path.Combine(Root, "devices");

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<ObjectServerHost> StartAsync(params string[] settings)
    {
        var root = Path.Combine(Path.GetTempPath(), "cloudfs-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "devices", "sda"));
        string[] args =
        [
            "--Server:Bind=127.0.0.1",
            "--Server:Port=0",
            $"--Server:DataDir={Path.Combine(root, "data")}",
            $"--ObjectServer:DevicesRoot={Path.Combine(root, "devices")}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = ObjectServerApp.Build(args);
        await app.StartAsync();
        return new ObjectServerHost(app, root, new Uri(app.Urls.First()));
    }

    public static string NewBlobId() => Guid.CreateVersion7().ToString("N");

    public static string BlobPath(string id, string device = "sda", int partition = 7) => $"/{device}/{partition}/blobs/{id}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
