using System.Collections.Concurrent;
using CloudFs.Common.Hosting;
using CloudFs.Common.Policies;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend;

/// <summary>
/// The cluster's rings as every role reaches them: one <see cref="IRingProvider"/> per role,
/// made on first use (a role that never routes by a ring never needs its file) and reloading
/// itself when its file changes.
/// </summary>
public sealed class RingSet
{
    private readonly Lazy<IRingProvider> _account;
    private readonly Lazy<IRingProvider> _container;
    private readonly Lazy<IRingProvider> _object;
    private readonly Func<string, IRingProvider> _providerFor;

    // Policy N's object ring (object-N.ring), made on first use like the others.
    private readonly ConcurrentDictionary<int, Lazy<IRingProvider>> _policyObjects = new();

    /// <summary>Rings read from <c>Server:RingDir</c> with the cluster's hash-path secrets, checked every <c>Server:RingCheckSeconds</c>.</summary>
    public RingSet(IOptions<ServerOptions> server, IOptions<ClusterOptions> cluster, TimeProvider time)
        : this(role => new RingProvider(server.Value.RingDir, role, cluster.Value.HashPathPrefix, cluster.Value.HashPathSuffix, time,
            TimeSpan.FromSeconds(server.Value.RingCheckSeconds)))
    {
    }

    /// <summary>Rings from any source, e.g. a fake provider in tests.</summary>
    public RingSet(Func<string, IRingProvider> providerFor)
    {
        _providerFor = providerFor;
        _account = new(() => providerFor(RingRoles.Account));
        _container = new(() => providerFor(RingRoles.Container));
        _object = new(() => providerFor(RingRoles.Object));
    }

    public HashRing Account => _account.Value.Current;

    public HashRing Container => _container.Value.Current;

    public HashRing Object => _object.Value.Current;

    /// <summary>The object ring of a storage policy: object.ring for 0, object-N.ring for N (Swift's names).</summary>
    public HashRing ObjectFor(int policyIndex) => policyIndex == 0
        ? Object
        : _policyObjects.GetOrAdd(policyIndex, i => new Lazy<IRingProvider>(() => _providerFor(StoragePolicy.ObjectRingRoleFor(i)))).Value.Current;
}
