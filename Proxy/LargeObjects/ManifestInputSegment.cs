namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// One entry of a <c>?multipart-manifest=put</c> body after validation: an object-backed
/// segment (<see cref="Path"/>, optional <see cref="Etag"/>, <see cref="SizeBytes"/> and
/// <see cref="Range"/>) or inline <see cref="Data"/>.
/// </summary>
public sealed record ManifestInputSegment(string? Path, string? Etag, long? SizeBytes, SegmentRange? Range, string? RangeText, byte[]? Data);
