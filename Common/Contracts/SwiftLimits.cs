namespace CloudFs.Common.Contracts;

/// <summary>
/// Swift's constraints (constraints.py defaults) as every role enforces them and /info
/// announces them: one number, one place.
/// </summary>
public static class SwiftLimits
{
    public const int MaxMetaNameLength = 128;
    public const int MaxMetaValueLength = 256;
    public const int MaxMetaCount = 90;
    public const int MaxMetaOverallSize = 4096;
    public const int MaxHeaderSize = 8192;

    /// <summary>Headers one request may carry (Swift's MAX_HEADER_COUNT): room for every metadata item and more.</summary>
    public const int MaxHeaderCount = 256;
    public const int MaxAccountNameLength = 256;
    public const int MaxContainerNameLength = 256;
    public const int MaxObjectNameLength = 1024;

    /// <summary>Most names one account or container listing page returns.</summary>
    public const int ListingLimit = 10_000;
}
