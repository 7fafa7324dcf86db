using System.Text.Json.Serialization;

namespace CloudFs.ContainerServer.Core;

/// <summary>A search page; <see cref="NextMarker"/> is null on the last page.</summary>
public sealed record SearchResult(
    [property: JsonPropertyName("results")] IReadOnlyList<SearchHit> Results,
    [property: JsonPropertyName("next_marker")] string? NextMarker);
