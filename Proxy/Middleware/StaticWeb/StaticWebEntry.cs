namespace CloudFs.Proxy.Middleware.StaticWeb;

/// <summary>One row of a container listing as the HTML listing shows it: a subdirectory, or an object.</summary>
public sealed record StaticWebEntry(string Name, bool IsSubdir, long Bytes = 0, string ContentType = "", string LastModified = "");
