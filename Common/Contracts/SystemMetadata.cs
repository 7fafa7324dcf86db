namespace CloudFs.Common.Contracts;

/// <summary>
/// The plain headers an object keeps with it and sends back on GET and HEAD, as Swift does;
/// stored under their lower-case names.
/// </summary>
public static class SystemMetadata
{
    public static readonly IReadOnlyList<string> Headers = ["Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires"];

    public static bool IsSystem(string name) => Headers.Contains(name, StringComparer.OrdinalIgnoreCase);
}
