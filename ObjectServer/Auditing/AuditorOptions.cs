namespace CloudFs.ObjectServer.Auditing;

/// <summary>The <c>ObjectServer:Auditor</c> section: how often and how fast every blob is re-read and checked.</summary>
public sealed class AuditorOptions
{
    public const string Section = "ObjectServer:Auditor";

    /// <summary>Seconds from the start of one pass to the start of the next (a longer pass is followed at once); 0 turns the auditor off.</summary>
    public int IntervalSeconds { get; set; } = 1800;

    /// <summary>Body bytes read per second at most, over all devices (Swift's bytes_per_second); 0: no limit.</summary>
    public long BytesPerSecond { get; set; } = 10_000_000;

    /// <summary>Blobs opened per second at most (Swift's files_per_second), which bounds the cost of many small blobs; 0: no limit.</summary>
    public int FilesPerSecond { get; set; } = 20;
}
