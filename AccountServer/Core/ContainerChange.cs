namespace CloudFs.AccountServer.Core;

/// <summary>What a container PUT or POST asks for: metadata, ACLs (null: unchanged, "": removed) and quotas.</summary>
public sealed record ContainerChange(MetadataChange Metadata, string? ReadAcl, string? WriteAcl, QuotaHeaders Quota)
{
    /// <summary>PUT only: the storage policy asked for (null: none; a new container then takes the default).</summary>
    public int? PolicyIndex { get; init; }

    /// <summary>Legacy versioning (X-Versions-Location / X-History-Location): null when the request says nothing about it.</summary>
    public Versioning.VersionsLocationChange? Versions { get; init; }

    /// <summary>Object versioning switched on or off (X-Versions-Enabled); null when not asked.</summary>
    public bool? VersionsEnabled { get; init; }

    /// <summary>X-Container-Sync-To, already checked (null: unchanged, "": removed); stored and shown, never acted on.</summary>
    public string? SyncTo { get; init; }

    /// <summary>X-Container-Sync-Key (null: unchanged, "": removed); stored and shown to owners only.</summary>
    public string? SyncKey { get; init; }
}
