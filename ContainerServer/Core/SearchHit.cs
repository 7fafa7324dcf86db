using System.Text.Json.Serialization;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// One search result: where it is (account, container, full name inside the container) and
/// its listing fields; <see cref="Position"/> (not serialized) is its keyset position. Directories have bytes 0 and no hash or content type.
/// </summary>
public sealed record SearchHit(
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("hash")] string? Hash,
    [property: JsonPropertyName("content_type")] string? ContentType,
    [property: JsonPropertyName("last_modified")] string LastModified,
    [property: JsonIgnore] SearchMarker Position);
