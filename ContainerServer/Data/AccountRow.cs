namespace CloudFs.ContainerServer.Data;

/// <summary>An account or container row: id, name (stored form) and state.</summary>
public sealed class AccountRow
{
    public long Id { get; set; }

    public object? Name { get; set; }

    public string State { get; set; } = "";
}
