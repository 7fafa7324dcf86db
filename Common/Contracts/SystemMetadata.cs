namespace CloudFs.Common.Contracts;

/// <summary>
/// The plain headers an object keeps with it and sends back on GET and HEAD, as Swift does;
/// stored under their lower-case names. X-Object-Manifest makes a dynamic large object
/// (Proxy/LargeObjects); Swift keeps it the same way, as plain object metadata.
/// </summary>
public static class SystemMetadata
{
    public static readonly IReadOnlyList<string> Headers = ["Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires", "X-Object-Manifest"];

    public static bool IsSystem(string name) => Headers.Contains(name, StringComparer.OrdinalIgnoreCase);
}
