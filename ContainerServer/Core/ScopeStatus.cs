using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>What HEAD shows for an account or a container: usage, quotas, metadata, timestamp.</summary>
public sealed record ScopeStatus(
    string Name,
    long XTimestamp,
    long ContainerCount,
    long ObjectCount,
    long BytesUsed,
    long? QuotaBytes,
    long? QuotaCount,
    IReadOnlyList<MetadataEntry> Metadata,
    int PolicyIndex = 0)
{
    /// <summary>An account's usage per storage policy, one entry per policy that holds a container.</summary>
    public IReadOnlyList<PolicyUsage> PolicyUsage { get; init; } = [];

    public static ScopeStatus From(string name, ScopeRecord record) => new(name, record.XTimestamp, record.ContainerCount,
        record.UsedObjects, record.UsedBytes, record.MaxBytes, record.MaxObjects, record.Metadata, record.PolicyIndex)
    {
        PolicyUsage = record.PolicyUsage,
    };

    /// <summary>A system metadata value (ACLs: 'read', 'write'), or null.</summary>
    public string? Sys(string name) =>
        Metadata.FirstOrDefault(m => m.Kind == MetadataEntry.Sys && m.Name == name)?.Value;
}
