namespace CloudFs.Proxy.Objects;

/// <summary>The <c>Proxy:SmallBodyCache</c> section.</summary>
public sealed class SmallBodyCacheOptions
{
    /// <summary>Memory the kept bodies may take, in bytes; 0 keeps none.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest body kept, in bytes.</summary>
    public int MaxObjectBytes { get; set; } = 64 * 1024;
}
