namespace CloudFs.AccountServer.Core;

/// <summary>What a container PUT or POST asks for: metadata, ACLs (null: unchanged, "": removed) and quotas.</summary>
public sealed record ContainerChange(MetadataChange Metadata, string? ReadAcl, string? WriteAcl, QuotaHeaders Quota);
