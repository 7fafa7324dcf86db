namespace CloudFs.AccountServer.Data;

/// <summary>A directory row found below another.</summary>
public sealed class SubtreeDirectory
{
    public long Id { get; init; }

    public long ParentId { get; init; }

    public string Path { get; init; } = "";
}
