namespace CloudFs.ContainerServer.Core;

/// <summary>An account or container listing: the scope's status and, for GET, its entries.</summary>
public sealed record ListingResult(ScopeStatus Status, IReadOnlyList<ListingItem> Items);
