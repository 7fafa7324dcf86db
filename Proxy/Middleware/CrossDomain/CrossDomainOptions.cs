namespace CloudFs.Proxy.Middleware.CrossDomain;

/// <summary><c>Proxy:Middleware:CrossDomain</c>: Swift's crossdomain filter settings.</summary>
public sealed class CrossDomainOptions
{
    public const string Section = "Proxy:Middleware:CrossDomain";

    public bool Enabled { get; set; } = true;

    /// <summary>The policy lines put inside <c>&lt;cross-domain-policy&gt;</c> (Swift's cross_domain_policy).</summary>
    public string CrossDomainPolicy { get; set; } = "<allow-access-from domain=\"*\" secure=\"false\" />";
}
