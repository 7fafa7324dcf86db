using System.Net;
using System.Net.Sockets;

namespace CloudFs.Common.Hosting.Metrics;

/// <summary>A set of CIDR networks, and whether a client address falls in one of them.</summary>
public sealed class ClientNetworks
{
    private readonly IReadOnlyList<IPNetwork> _networks;

    private ClientNetworks(IReadOnlyList<IPNetwork> networks) => _networks = networks;

    /// <summary>Parses "10.0.0.0/8"-style entries; a bare address is a network of one.</summary>
    /// <exception cref="FormatException">An entry is neither an address nor a CIDR network.</exception>
    public static ClientNetworks Parse(IEnumerable<string> entries) =>
        new([.. entries.Select(e => e.Trim()).Where(e => e.Length > 0).Select(ParseOne)]);

    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static IPNetwork ParseOne(string entry)
    {
        if (entry.Contains('/'))
        {
            return IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new FormatException($"'{entry}' is not a CIDR network (e.g. 10.0.0.0/8).");
        }

        if (!IPAddress.TryParse(entry, out var address))
        {
            throw new FormatException($"'{entry}' is neither an IP address nor a CIDR network.");
        }

        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
