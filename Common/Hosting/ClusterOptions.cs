using CloudFs.Common.Policies;

namespace CloudFs.Common.Hosting;

/// <summary>
/// The <c>Cluster</c> section, normally in cloudfs.json beside each role's config: secrets every
/// node of one cluster must share (Swift's swift.conf).
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>Secret mixed in front of every ring key; never change it on a live cluster.</summary>
    public string HashPathPrefix { get; set; } = "";

    /// <summary>Secret mixed behind every ring key; never change it on a live cluster.</summary>
    public string HashPathSuffix { get; set; } = "";

    /// <summary>
    /// Key of the HMAC every role puts on its requests to another (Contracts.BackendSignature);
    /// role servers refuse requests without it. Empty: nothing is signed or checked.
    /// </summary>
    public string BackendSecret { get; set; } = "";

    /// <summary>The HMAC key <see cref="BackendSecret"/> gives, the one form both the signer and the checker use; null when unset.</summary>
    public byte[]? BackendKey() => string.IsNullOrEmpty(BackendSecret) ? null : System.Text.Encoding.UTF8.GetBytes(BackendSecret);

    /// <summary>
    /// Lets a server start on the hash-path secrets etc/cloudfs.json ships with ("changeme-..."),
    /// which anyone can read: for a development cluster (scripts/cluster.sh sets it) only.
    /// </summary>
    public bool AllowDefaultSecrets { get; set; }

    /// <summary>The shipped placeholder secrets are still in place.</summary>
    public bool UsesDefaultSecrets =>
        HashPathPrefix.StartsWith("changeme", StringComparison.OrdinalIgnoreCase)
        || HashPathSuffix.StartsWith("changeme", StringComparison.OrdinalIgnoreCase)
        || BackendSecret.StartsWith("changeme", StringComparison.OrdinalIgnoreCase);

    /// <summary>Swift's storage policies; empty means the single default policy "Policy-0".</summary>
    public List<StoragePolicyConfig> StoragePolicies { get; set; } = [];
}
