using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>Where a name lives: its account, container and directory chain, or why it cannot be reached.</summary>
public sealed record NamespacePlace(string AccountName, string ContainerName, ObjectPath Path, StobjRow? Account, StobjRow? Container)
{
    public long? Parent { get; init; }

    public CloudFsError? Error { get; init; }

    public List<long> DirectoryIds { get; } = [];
}
