namespace CloudFs.ContainerServer.Core;

/// <summary>Where a page of a versions listing starts: after (or at) a name, or inside a name after the row (type, timestamp) read last.</summary>
public sealed record VersionPageStart(string? Bound, bool Inclusive, string? AfterType = null, long? AfterTimestamp = null)
{
    public static readonly VersionPageStart First = new(null, false);
}
