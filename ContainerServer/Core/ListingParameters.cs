using CloudFs.Common.Contracts;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// A validated listing request, with Swift's semantics: names above <see cref="Marker"/>
/// and below <see cref="EndMarker"/>, starting with <see cref="Prefix"/>, rolled up at
/// <see cref="Delimiter"/>; <see cref="Path"/> (containers only) is the deprecated
/// prefix-plus-'/' form. Empty strings mean "not given", as in Swift.
/// </summary>
public sealed record ListingParameters(
    int Limit,
    string Marker,
    string EndMarker,
    string? Prefix,
    string? Delimiter,
    string? Path,
    bool Reverse,
    ListingFormat Format,
    string ContentType,
    bool FormatGiven)
{
    public const int MaxLimit = SwiftLimits.ListingLimit;
}
