using System.Security.Cryptography;

namespace CloudFs.Common.Http;

/// <summary>
/// Swift's transaction id: "tx" + 21 random hex digits + "-" + 10 hex digits of the epoch
/// second, plus an optional client suffix (X-Trans-Id-Extra), so ids sort roughly by time and
/// can be grepped across every node's logs.
/// </summary>
public static class TransactionId
{
    public const int MaxExtraLength = 32;

    public static string New(TimeProvider time, string? extra = null)
    {
        Span<byte> random = stackalloc byte[11];
        RandomNumberGenerator.Fill(random);
        var hex = Convert.ToHexStringLower(random)[..21];
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        var id = $"tx{hex}-{seconds:x10}";
        if (string.IsNullOrEmpty(extra))
        {
            return id;
        }

        var suffix = extra.Length > MaxExtraLength ? extra[..MaxExtraLength] : extra;
        // Swift joins the client's suffix with a '-' (proxy-server's trans_id_suffix).
        return id + "-" + Uri.EscapeDataString(suffix);
    }

    /// <summary>True when a value received from another role looks like one of ours.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: >= 34 and <= 35 + (MaxExtraLength * 3) } && value.StartsWith("tx", StringComparison.Ordinal)
        && value.AsSpan(2, 21).ContainsAnyExcept("0123456789abcdef") is false && value[23] == '-';
}
