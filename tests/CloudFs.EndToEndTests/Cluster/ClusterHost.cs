using System.Globalization;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// One storage host of a <see cref="MultiHostCluster"/>: its own loopback address, where an
/// account, a container and an object server listen on 7011-7013, and its own directory
/// (etc/, var/, devices/) under the cluster's root.
/// </summary>
public sealed class ClusterHost(int number, string address, string root, int devices)
{
    /// <summary>1 for the first host (the one the proxy also runs on), 2, 3, ...</summary>
    public int Number { get; } = number;

    public string Address { get; } = address;

    /// <summary>This host's directory: etc/, var/, devices/, the server logs.</summary>
    public string Root { get; } = root;

    public string EtcDir => Path.Combine(Root, "etc");

    public string DevicesRoot => Path.Combine(Root, "devices");

    /// <summary>The device names of its object server: d1, d2, ...</summary>
    public IReadOnlyList<string> Devices { get; } =
        [.. Enumerable.Range(1, devices).Select(i => "d" + i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>False once <see cref="MultiHostCluster.RemoveHostAsync"/> took its devices out of the rings.</summary>
    public bool InRings { get; internal set; } = true;

    /// <summary>The zone of its devices in every ring: one zone per host.</summary>
    public int Zone => Number;

    public string DevicePath(string device) => Path.Combine(DevicesRoot, device);

    public override string ToString() => $"host {Number} ({Address})";
}
