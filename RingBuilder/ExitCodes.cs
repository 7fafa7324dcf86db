namespace CloudFs.RingBuilder;

/// <summary>Process exit codes, as swift-ring-builder uses them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>It ran, but something needs attention (nothing moved, balance or dispersion not reached).</summary>
    public const int Warning = 1;

    /// <summary>Bad input or an unusable builder; nothing was written.</summary>
    public const int Error = 2;
}
