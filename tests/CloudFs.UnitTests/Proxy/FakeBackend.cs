using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Proxy;

/// <summary>
/// One <see cref="FakeRoleServer"/> holding the only device of the account, container and object
/// rings (written to a scratch directory), and the proxy's real backend client pointed at them:
/// what a test of a proxy component that calls role servers needs.
/// </summary>
public sealed class FakeBackend : IAsyncDisposable
{
    private readonly string _ringDir;

    private FakeBackend(FakeRoleServer server, string ringDir, double nodeTimeoutSeconds)
    {
        Server = server;
        _ringDir = ringDir;
        Options = Microsoft.Extensions.Options.Options.Create(new BackendOptions { NodeTimeoutSeconds = nodeTimeoutSeconds, ConnectTimeoutSeconds = 2 });
        Invoker = new BackendInvoker(Options, Microsoft.Extensions.Options.Options.Create(new ClusterOptions()), TimeProvider.System);
        Limiter = new NodeErrorLimiter(Options, TimeProvider.System);
        Rings = new RingSet(Microsoft.Extensions.Options.Options.Create(new ServerOptions { RingDir = ringDir }),
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { HashPathSuffix = "tests" }), TimeProvider.System);
        Selector = new NodeSelector(Limiter);
        Client = new RoleClient(Invoker, Limiter, Options, TimeProvider.System, NullLogger<RoleClient>.Instance);
    }

    public FakeRoleServer Server { get; }

    public IOptions<BackendOptions> Options { get; }

    public BackendInvoker Invoker { get; }

    public NodeErrorLimiter Limiter { get; }

    public RingSet Rings { get; }

    public NodeSelector Selector { get; }

    public RoleClient Client { get; }

    public static async Task<FakeBackend> StartAsync(RequestDelegate handler, double nodeTimeoutSeconds = 5)
    {
        var server = await FakeRoleServer.StartAsync(handler);
        var ringDir = Path.Combine(Path.GetTempPath(), "cloudfs-fake-backend", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(ringDir);
        foreach (var role in new[] { RingRoles.Account, RingRoles.Container, RingRoles.Object })
        {
            var builder = new RingBuilder(2, 1, 0);
            builder.AddDevice(server.Device(-1, "d1"));
            builder.Rebalance();
            RingFile.Save(builder.GetRingData(), RingRoles.RingPath(ringDir, role));
        }

        return new FakeBackend(server, ringDir, nodeTimeoutSeconds);
    }

    /// <summary>Stops the server, so the rings name a node nobody answers on.</summary>
    public async Task StopServerAsync() => await Server.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        Invoker.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_ringDir, true);
    }
}
