using System.Globalization;

namespace CloudFs.Ring;

/// <summary>One storage device of a ring: where it is (region, zone, ip:port), its name on that server, and its weight.</summary>
public sealed record RingDevice(int Id, int Region, int Zone, string Ip, int Port, string Device, double Weight, string Meta = "")
{
    /// <summary>"ip:port", with brackets around IPv6 addresses so it can be used in a URL.</summary>
    public string Endpoint => (Ip.Contains(':', StringComparison.Ordinal) ? "[" + Ip + "]" : Ip)
        + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Swift-style search form, e.g. "d3r1z2-127.0.0.1:7013/sdb1_meta".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"d{Id}r{Region}z{Zone}-{Endpoint}/{Device}{(Meta.Length > 0 ? "_" + Meta : "")}");
}
