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

    /// <summary>Swift's storage policies; empty means the single default policy "Policy-0".</summary>
    public List<StoragePolicyConfig> StoragePolicies { get; set; } = [];
}
