namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary><c>Proxy:Middleware:Bulk</c>: Swift's bulk filter settings, with Swift's defaults.</summary>
public sealed class BulkOptions
{
    public const string Section = "Proxy:Middleware:Bulk";

    public bool Enabled { get; set; } = true;

    public int MaxContainersPerExtraction { get; set; } = 10000;

    public int MaxFailedExtractions { get; set; } = 1000;

    public int MaxDeletesPerRequest { get; set; } = 10000;

    public int MaxFailedDeletes { get; set; } = 1000;

    /// <summary>Seconds between the white space sent to keep a long run's connection alive.</summary>
    public double YieldFrequencySeconds { get; set; } = 10;
}
