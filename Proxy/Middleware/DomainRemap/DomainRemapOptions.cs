namespace CloudFs.Proxy.Middleware.DomainRemap;

/// <summary><c>Proxy:Middleware:DomainRemap</c>: Swift's domain_remap filter settings, with Swift's defaults.</summary>
public sealed class DomainRemapOptions
{
    public const string Section = "Proxy:Middleware:DomainRemap";

    public bool Enabled { get; set; } = true;

    /// <summary>Comma-separated domains whose subdomains name accounts and containers.</summary>
    public string StorageDomain { get; set; } = "example.com";

    /// <summary>The API version path the remapped requests get.</summary>
    public string PathRoot { get; set; } = "v1";

    /// <summary>Comma-separated account prefixes recognised in host names.</summary>
    public string ResellerPrefixes { get; set; } = "AUTH";

    /// <summary>Prefix added to an account name that has none of <see cref="ResellerPrefixes"/>; unset: not remapped.</summary>
    public string? DefaultResellerPrefix { get; set; }

    /// <summary>Drop a leading path root the client sent itself (<c>/v1/...</c>) instead of keeping it.</summary>
    public bool MangleClientPaths { get; set; }
}
