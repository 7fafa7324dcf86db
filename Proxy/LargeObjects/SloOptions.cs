namespace CloudFs.Proxy.LargeObjects;

/// <summary>Static large object limits (<c>Proxy:Middleware:Slo</c>), Swift's slo settings and defaults.</summary>
public sealed class SloOptions
{
    public const string Section = "Proxy:Middleware:Slo";

    public bool Enabled { get; set; } = true;

    public int MaxManifestSegments { get; set; } = 1000;

    public int MaxManifestSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Seconds between the blanks a <c>heartbeat=on</c> manifest PUT sends while it checks segments.</summary>
    public int YieldFrequency { get; set; } = 10;

    /// <summary>Segments checked at once while a manifest is validated (Swift's concurrency).</summary>
    public int Concurrency { get; set; } = 2;
}
