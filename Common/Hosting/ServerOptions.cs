namespace CloudFs.Common.Hosting;

/// <summary>The <c>Server</c> section every role shares: where it listens and keeps its state.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>IP address Kestrel binds to.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the OS pick one (tests).</summary>
    public int Port { get; set; }

    /// <summary>Directory for this instance's own state (node id, journals).</summary>
    public string DataDir { get; set; } = "";

    /// <summary>Directory holding account.ring, container.ring and object.ring.</summary>
    public string RingDir { get; set; } = "etc/rings";

    /// <summary>Seconds between checks of a ring file for a change (tests shorten it to see a rebalance at once).</summary>
    public int RingCheckSeconds { get; set; } = 15;

    /// <summary>
    /// PEM certificate (the server's first, then any intermediates) to serve HTTPS with on this
    /// listener; empty: plain HTTP. Meant for the proxy's public port.
    /// </summary>
    public string? TlsCertificate { get; set; }

    /// <summary>PEM private key of <see cref="TlsCertificate"/>; empty when the key is in that file.</summary>
    public string? TlsKey { get; set; }

    /// <summary>
    /// Seconds a stopping server (SIGTERM) lets requests in flight finish before it closes their
    /// connections; keep systemd's TimeoutStopSec above it.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>How often this server reports its host's statistics and alerts to the account servers, in seconds; 0: never.</summary>
    public int HostReportSeconds { get; set; } = 30;

    /// <summary>When this file exists, /healthcheck answers 503 (Swift's disable_path).</summary>
    public string? DisablePath { get; set; }
}
