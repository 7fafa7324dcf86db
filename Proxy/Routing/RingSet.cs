using CloudFs.Common.Hosting;
using CloudFs.Ring;
using Microsoft.Extensions.Options;
using HashRing = CloudFs.Ring.Ring;

namespace CloudFs.Proxy.Routing;

/// <summary>The three rings the proxy routes by, each reloaded by its provider when its file changes.</summary>
public sealed class RingSet(IOptions<ServerOptions> server, IOptions<ClusterOptions> cluster, TimeProvider time)
{
    private readonly RingProvider _account = Create(server.Value, cluster.Value, RingRoles.Account, time);
    private readonly RingProvider _container = Create(server.Value, cluster.Value, RingRoles.Container, time);
    private readonly RingProvider _object = Create(server.Value, cluster.Value, RingRoles.Object, time);

    public HashRing Account => _account.Current;

    public HashRing Container => _container.Current;

    public HashRing Object => _object.Current;

    private static RingProvider Create(ServerOptions server, ClusterOptions cluster, string role, TimeProvider time) =>
        new(server.RingDir, role, cluster.HashPathPrefix, cluster.HashPathSuffix, time);
}
