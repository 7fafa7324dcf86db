using System.Text;

namespace CloudFs.Common.Paths;

/// <summary>
/// A functional URL path on an account or container server:
/// <c>/{device}/{partition}/{account}[/{container}[/{object}]]</c>. Every segment is
/// percent-encoded UTF-8 on the wire and decoded exactly once here; the object name keeps
/// its slashes (and may be empty-segmented, as Swift allows).
/// </summary>
public sealed record BackendPath(string Device, long Partition, string Account, string? Container, string? Object)
{
    /// <summary>Parses the raw (still encoded) request target, after an optional fixed prefix such as "/admit".</summary>
    public static BackendPath? TryParse(string rawTarget, string prefix = "")
    {
        var query = rawTarget.IndexOf('?');
        var path = query >= 0 ? rawTarget[..query] : rawTarget;
        if (!path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path[(prefix.Length + 1)..].Split('/', 5);
        if (parts.Length < 3 || !long.TryParse(parts[1], out var partition) || partition < 0)
        {
            return null;
        }

        var decoded = new string?[5];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryDecode(parts[i], out var value))
            {
                return null;
            }

            decoded[i] = value;
        }

        var device = decoded[0]!;
        var account = decoded[2]!;
        var container = parts.Length > 3 ? decoded[3] : null;
        var obj = parts.Length > 4 ? decoded[4] : null;
        if (device.Length == 0 || account.Length == 0 || account.Contains('/') || container is { Length: 0 } || container?.Contains('/') == true)
        {
            return null;
        }

        return new BackendPath(device, partition, account, container, obj is { Length: 0 } ? null : obj);
    }

    /// <summary>The encoded path, each segment escaped (object slashes kept).</summary>
    public string Format(string prefix = "")
    {
        var sb = new StringBuilder(prefix).Append('/').Append(Encode(Device)).Append('/').Append(Partition).Append('/').Append(Encode(Account));
        if (Container is not null)
        {
            sb.Append('/').Append(Encode(Container));
            if (Object is not null)
            {
                sb.Append('/').Append(string.Join('/', Object.Split('/').Select(Encode)));
            }
        }

        return sb.ToString();
    }

    private static string Encode(string segment) => Uri.EscapeDataString(segment);

    private static bool TryDecode(string encoded, out string value)
    {
        value = "";
        try
        {
            var bytes = new List<byte>(encoded.Length);
            for (var i = 0; i < encoded.Length; i++)
            {
                if (encoded[i] == '%')
                {
                    if (i + 2 >= encoded.Length || !byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
                    {
                        return false;
                    }

                    bytes.Add(b);
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
                }
            }

            value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return !value.Contains('\0');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
