namespace CloudFs.ContainerServer.Data;

/// <summary>An account or container as the catalog holds it: state, usage, quotas, metadata.</summary>
public sealed record ScopeRecord(
    long AccountId,
    bool AccountEnabled,
    long? ContainerId,
    bool ContainerEnabled,
    long XTimestamp,
    long UsedBytes,
    long UsedObjects,
    long? MaxBytes,
    long? MaxObjects,
    long ContainerCount,
    IReadOnlyList<MetadataEntry> Metadata,
    int PolicyIndex = 0)
{
    /// <summary>An account's usage per storage policy of its containers (empty for containers).</summary>
    public IReadOnlyList<PolicyUsage> PolicyUsage { get; init; } = [];

    public static ScopeRecord? From(IReadOnlyList<ScopeRow> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        var metadata = rows.Where(r => r.MetaKind is not null)
            .Select(r => new MetadataEntry(r.MetaKind!, r.MetaName ?? "", r.MetaValue ?? ""))
            .ToList();
        return new ScopeRecord(first.AccountId, first.AccountState == "enabled", first.ContainerId,
            first.ContainerState is null or "enabled", first.XTimestamp, first.UsedBytes ?? 0, first.UsedObjects ?? 0,
            first.MaxBytes, first.MaxObjects, first.ContainerCount, metadata, first.PolicyIndex);
    }
}
