using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudFs.Common.Contracts;

/// <summary>
/// How one role proves to another that a request comes from inside the cluster: an HMAC-SHA256,
/// keyed with <c>Cluster:BackendSecret</c>, over the method, the request target exactly as sent,
/// the transaction id, a timestamp and a random nonce, in <see cref="Header"/> as
/// <c>{unix ms}.{nonce}.{hex mac}</c>. A signature older or newer than <see cref="Window"/> is
/// stale; the nonce lets the receiver refuse one it has seen (a replay).
/// Chosen over mTLS: no certificate authority to run or certificates to rotate per node, it
/// works on the plain-HTTP cluster network as it is, and it binds each request (not just the
/// connection) to the secret.
/// </summary>
public static class BackendSignature
{
    public const string Header = "X-Backend-Signature";

    /// <summary>How far a signature's time may be from the receiver's clock (clock skew plus transit).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public static string Create(byte[] key, string method, string target, string transId, DateTimeOffset now)
    {
        var stamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return $"{stamp}.{nonce}.{Convert.ToHexStringLower(Mac(key, method, target, transId, stamp, nonce))}";
    }

    /// <summary>Whether <paramref name="header"/> signs this request now; <paramref name="nonce"/> is its nonce when well formed.</summary>
    public static SignatureVerdict Check(byte[] key, string method, string target, string transId, string? header, DateTimeOffset now, out string nonce)
    {
        nonce = "";
        if (string.IsNullOrEmpty(header))
        {
            return SignatureVerdict.Missing;
        }

        var parts = header.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var stampMs)
            || parts[1].Length != 16 || parts[2].Length != 64)
        {
            return SignatureVerdict.Malformed;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(parts[2]);
        }
        catch (FormatException)
        {
            return SignatureVerdict.Malformed;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Mac(key, method, target, transId, parts[0], parts[1])))
        {
            return SignatureVerdict.Forged;
        }

        nonce = parts[1];
        var age = now - DateTimeOffset.FromUnixTimeMilliseconds(stampMs);
        return age.Duration() > Window ? SignatureVerdict.Stale : SignatureVerdict.Valid;
    }

    private static byte[] Mac(byte[] key, string method, string target, string transId, string stamp, string nonce) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{method}\n{target}\n{transId}\n{stamp}\n{nonce}"));
}
