namespace CloudFs.ContainerServer.Data;

/// <summary>A directory row of a container (a tree node), names still in their stored form.</summary>
public sealed class DirectoryRow
{
    public long Id { get; set; }

    public object? Name { get; set; }

    public object? Path { get; set; }

    public string State { get; set; } = "";
}
