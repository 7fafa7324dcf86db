using CloudFs.AccountServer.Data;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// One row leaving the namespace (an object, or a directory with everything below it): the
/// usage it held, the blobs it named, and the directories above it to prune once empty.
/// </summary>
public sealed record ObjectRemoval(long RowId, RowOwners Owners, UsageDelta Usage, IReadOnlyList<string> BlobIds, IReadOnlyList<long> DirectoriesAbove)
{
    /// <summary>A single object row.</summary>
    public static ObjectRemoval Of(StobjRow row, RowOwners owners, IReadOnlyList<long> directoriesAbove) =>
        new(row.Id, owners, UsageDelta.Used(row.Size, 1), row.BlobId is { } blob ? [blob] : [], directoriesAbove);
}

/// <summary>
/// What <see cref="ObjectRemover"/> reads before it removes a row, read already with the row (ObjectCommitReads):
/// the account's and container's quota rows were locked, and the row's pieces name <paramref name="Pieces"/>.
/// </summary>
public sealed record RemovalReads(IReadOnlyList<string> Pieces);
