namespace CloudFs.Common.Hosting.Metrics;

/// <summary>The <c>Metrics</c> section: the Prometheus scrape endpoint every role serves.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Client networks (CIDR) that may scrape; empty means loopback only. On the proxy the scrape
    /// shares the public port, and request counts by status are nobody else's business. (Empty
    /// rather than a default list: the configuration binder appends to an array it finds filled.)
    /// </summary>
    public string[] AllowFrom { get; set; } = [];

    public IEnumerable<string> AllowedNetworks => AllowFrom.Length > 0 ? AllowFrom : ["127.0.0.0/8", "::1/128"];
}
