namespace CloudFs.Proxy.LargeObjects;

/// <summary>The <c>Proxy:Dlo</c> configuration section (dynamic large objects).</summary>
public sealed class DloOptions
{
    public const string Section = "Proxy:Dlo";

    /// <summary>
    /// The most segments one DLO may have. Its whole listing is read before the answer starts
    /// (for Content-Length and the ETag), so this bounds what one request holds in memory;
    /// beyond it the DLO answers 409. Ten of Swift's listing pages by default.
    /// </summary>
    public int MaxSegments { get; set; } = 100_000;
}
