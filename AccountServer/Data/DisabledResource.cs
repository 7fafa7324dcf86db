namespace CloudFs.AccountServer.Data;

/// <summary>One disabled account, container, directory or object.</summary>
public sealed record DisabledResource(string Account, string Type, string Path, long DisabledAt);
