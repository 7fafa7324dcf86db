namespace CloudFs.Proxy;

/// <summary>
/// The <c>Proxy</c> section of proxy-server.json: timeouts, limits shown in /info. The same
/// section also binds the backend client's <c>BackendOptions</c> (connect and node timeouts,
/// error limiting), which the proxy's forwarding and replica fan-out read as well.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Seconds the client may stay silent while sending a body.</summary>
    public double ClientTimeoutSeconds { get; set; } = 60;

    /// <summary>Seconds a validated token is trusted without asking the account server again.</summary>
    public double TokenCacheSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds an admission that held nothing (no quota on the account or the container) stands in
    /// for the next uploads into that container, which then skip the admission round trip; their
    /// commit checks everything again. 0 asks the account server before every upload.
    /// </summary>
    public double AdmissionCacheSeconds { get; set; } = 10;

    /// <summary>Largest object body accepted, in bytes (Swift's max_file_size).</summary>
    public long MaxFileSize { get; set; } = 5L * 1024 * 1024 * 1024 + 2;

    /// <summary>Bytes read from the client at a time while streaming a PUT to the replicas.</summary>
    public int PutChunkSize { get; set; } = 64 * 1024;

    /// <summary>Chunks queued per replica before the slowest replica holds the upload back.</summary>
    public int PutQueueChunks { get; set; } = 4;

    /// <summary>Small bodies kept in memory for the next GET (<see cref="Objects.SmallBodyCache"/>).</summary>
    public Objects.SmallBodyCacheOptions SmallBodyCache { get; set; } = new();
}
