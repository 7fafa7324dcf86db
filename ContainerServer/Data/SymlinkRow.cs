namespace CloudFs.ContainerServer.Data;

/// <summary>One symlink sys entry of a listed object.</summary>
public sealed class SymlinkRow
{
    public object? Name { get; set; }

    public string MetaName { get; set; } = "";

    public string MetaValue { get; set; } = "";
}
