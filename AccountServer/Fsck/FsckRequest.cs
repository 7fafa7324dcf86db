namespace CloudFs.AccountServer.Fsck;

/// <summary>
/// One fsck run: one account's blobs (AUTH_x) or, when <paramref name="Account"/> is empty, the
/// whole cluster with its orphans; report only, or repair; how long an unnamed blob must have
/// sat on disk before it counts as an orphan.
/// </summary>
public sealed record FsckRequest(string Account, bool Repair, long GraceSeconds)
{
    public const long DefaultGraceSeconds = 86_400;

    public bool WholeCluster => Account.Length == 0;
}
