namespace CloudFs.Backend;

/// <summary>
/// What the backend client reads: timeouts and error limiting. The proxy binds it from its
/// <c>Proxy</c> section (the keys it always had), the account server from <c>Backend</c>.
/// </summary>
public sealed class BackendOptions
{
    /// <summary>The account server's section; the proxy keeps its own.</summary>
    public const string Section = "Backend";

    /// <summary>Seconds to open a TCP connection to a role server.</summary>
    public double ConnectTimeoutSeconds { get; set; } = 2;

    /// <summary>Seconds a role server may take to answer, or between two body chunks.</summary>
    public double NodeTimeoutSeconds { get; set; } = 30;

    /// <summary>Errors after which a node is skipped (Swift's error_suppression_limit).</summary>
    public int ErrorSuppressionLimit { get; set; } = 10;

    /// <summary>Seconds a node stays skipped after reaching the limit (Swift's error_suppression_interval).</summary>
    public double ErrorSuppressionIntervalSeconds { get; set; } = 60;

    /// <summary>True when every value can be used.</summary>
    public bool IsValid => NodeTimeoutSeconds > 0 && ConnectTimeoutSeconds > 0 && ErrorSuppressionLimit > 0 && ErrorSuppressionIntervalSeconds >= 0;
}
