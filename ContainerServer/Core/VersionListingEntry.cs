namespace CloudFs.ContainerServer.Core;

/// <summary>A current object (<see cref="IsCurrent"/>; <see cref="VersionId"/> null for the "null" version) or a kept version (its id is its timestamp).</summary>
public sealed record VersionListingEntry(string Name, long Bytes, string Hash, string ContentType, long Timestamp, bool IsCurrent, string? VersionId);
