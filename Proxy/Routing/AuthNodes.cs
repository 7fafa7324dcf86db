using CloudFs.Backend;
using CloudFs.Ring;

namespace CloudFs.Proxy.Routing;

/// <summary>
/// Account servers that answer tempauth logins and token checks. Tokens live in the shared
/// catalog, so any account server will do: the primaries of one fixed partition, then the rest.
/// </summary>
public sealed class AuthNodes(RingSet rings, NodeSelector selector)
{
    public const string RingKey = ".auth";

    public IReadOnlyList<RingDevice> Get()
    {
        var ring = rings.Account;
        return selector.ForRead(ring, ring.GetPartition(RingKey));
    }
}
