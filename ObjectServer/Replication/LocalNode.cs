using System.Net;
using System.Net.NetworkInformation;
using CloudFs.Common.Hosting;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// Which ring devices are this server's: same port, and the address it binds to (every local
/// interface address when it binds to all of them, as Swift's whataremyips does).
/// </summary>
public sealed class LocalNode
{
    private readonly HashSet<string> _addresses;

    public LocalNode(IOptions<ServerOptions> server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Port = server.Value.Port;
        var bind = server.Value.Bind;
        _addresses = IPAddress.TryParse(bind, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            ? NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>([bind], StringComparer.OrdinalIgnoreCase);
    }

    public int Port { get; }

    public IEnumerable<string> Addresses => _addresses;

    public bool Owns(RingDevice node) => node.Port == Port && _addresses.Contains(node.Ip);
}
