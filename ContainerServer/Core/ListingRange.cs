namespace CloudFs.ContainerServer.Core;

/// <summary>
/// One keyset query of a listing: names above <see cref="Lower"/> (or at it, when
/// inclusive) and below <see cref="Upper"/>, in byte order (descending when reversed),
/// at most <see cref="Limit"/> of them. Null bounds are open.
/// </summary>
public sealed record ListingRange(string? Lower, bool LowerInclusive, string? Upper, bool Reverse, int Limit);
