namespace CloudFs.Common.Policies;

/// <summary>
/// One entry of <c>Cluster:StoragePolicies</c> in cloudfs.json, as written by the operator
/// (Swift's <c>[storage-policy:N]</c> section of swift.conf). Checked by <see cref="StoragePolicyTable"/>.
/// </summary>
public sealed class StoragePolicyConfig
{
    public string Name { get; set; } = "";

    public int Index { get; set; }

    public bool Default { get; set; }

    public bool Deprecated { get; set; }

    public List<string> Aliases { get; set; } = [];
}
