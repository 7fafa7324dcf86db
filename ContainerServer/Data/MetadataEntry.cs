namespace CloudFs.ContainerServer.Data;

/// <summary>One <c>metadata</c> row: kind 'user' (X-*-Meta-*, lower-case name) or 'sys'.</summary>
public sealed record MetadataEntry(string Kind, string Name, string Value)
{
    public const string User = "user";
    public const string Sys = "sys";
}
