using System.Globalization;

namespace CloudFs.Ring;

/// <summary>
/// The Swift search syntax for devices, every part optional:
/// <c>[d&lt;id&gt;][r&lt;region&gt;][z&lt;zone&gt;][-]&lt;ip&gt;[:&lt;port&gt;][/&lt;device&gt;][_&lt;meta&gt;]</c>,
/// e.g. "d3", "z2", "r1z1-127.0.0.1:7013/sdb1", "127.0.0.1:7013/sdb1". IPv6 goes in brackets.
/// The same syntax, with zone, ip, port and device present, is the add spec.
/// </summary>
public sealed record DeviceQuery(int? Id, int? Region, int? Zone, string? Ip, int? Port, string? Device, string? Meta)
{
    /// <summary>Parses a search; throws <see cref="RingBuilderException"/> with the reason when malformed.</summary>
    public static DeviceQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length == 0)
        {
            throw Bad(text, "it is empty");
        }

        var i = 0;
        var id = Number(s, ref i, 'd', text);
        var region = Number(s, ref i, 'r', text);
        var zone = Number(s, ref i, 'z', text);
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        string? ip = null;
        if (i < s.Length && s[i] == '[')
        {
            var close = s.IndexOf(']', i);
            if (close < 0)
            {
                throw Bad(text, "'[' without ']'");
            }

            ip = s[(i + 1)..close];
            i = close + 1;
        }
        else if (i < s.Length && s[i] is not (':' or '/' or '_'))
        {
            var end = s.IndexOfAny([':', '/'], i);
            end = end < 0 ? s.Length : end;
            ip = s[i..end];
            i = end;
        }

        int? port = null;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (!int.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                throw Bad(text, "the port must be a number in 1..65535");
            }

            port = p;
        }

        string? device = null;
        if (i < s.Length && s[i] == '/')
        {
            var end = s.IndexOf('_', i);
            end = end < 0 ? s.Length : end;
            device = s[(i + 1)..end];
            if (device.Length == 0)
            {
                throw Bad(text, "the device name after '/' is empty");
            }

            i = end;
        }

        string? meta = null;
        if (i < s.Length && s[i] == '_')
        {
            meta = s[(i + 1)..];
            i = s.Length;
        }

        if (i != s.Length)
        {
            throw Bad(text, $"unexpected '{s[i..]}'");
        }

        if (ip is not null && (ip.Length == 0 || ip.Any(char.IsWhiteSpace) || ip.Contains('_', StringComparison.Ordinal)))
        {
            throw Bad(text, "the ip is malformed");
        }

        return new DeviceQuery(id, region, zone, ip, port, device, meta);
    }

    /// <summary>True when every part given in the query matches the device.</summary>
    public bool Matches(RingDevice d) =>
        (Id is null || Id == d.Id) && (Region is null || Region == d.Region) && (Zone is null || Zone == d.Zone)
        && (Ip is null || string.Equals(Ip, d.Ip, StringComparison.OrdinalIgnoreCase))
        && (Port is null || Port == d.Port) && (Device is null || Device == d.Device) && (Meta is null || Meta == d.Meta);

    /// <summary>Turns an add spec into a device (without an id yet); region defaults to 1.</summary>
    public RingDevice ToNewDevice(double weight)
    {
        if (Id is not null)
        {
            throw new RingBuilderException("An add spec must not give a device id; ids are assigned by the builder.");
        }

        if (Zone is null || Ip is null || Port is null || Device is null)
        {
            throw new RingBuilderException($"Malformed device spec '{ToSpec()}': expected [r<region>]z<zone>-<ip>:<port>/<device>[_<meta>].");
        }

        return new RingDevice(-1, Region ?? 1, Zone.Value, Ip, Port.Value, Device, weight, Meta ?? string.Empty);
    }

    private string ToSpec() => $"{(Region is null ? "" : "r" + Region)}{(Zone is null ? "" : "z" + Zone)}-{Ip}{(Port is null ? "" : ":" + Port)}{(Device is null ? "" : "/" + Device)}";

    private static int? Number(string s, ref int i, char tag, string text)
    {
        if (i + 1 >= s.Length || s[i] != tag || !char.IsAsciiDigit(s[i + 1]))
        {
            return null;
        }

        var start = ++i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return int.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Bad(text, $"'{tag}' is followed by a number out of range");
    }

    private static RingBuilderException Bad(string text, string why) =>
        new($"Malformed device search '{text}': {why}.");
}
