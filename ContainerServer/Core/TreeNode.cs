using System.Text.Json.Serialization;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// One node of a <c>?tree</c> answer. Containers and directories carry recursive totals
/// (<see cref="Objects"/>, <see cref="Bytes"/>) and, when expanded, their
/// <see cref="Children"/> (directories first, then objects, each in byte order), with
/// <see cref="Truncated"/> set when not all of them are listed. Objects carry their
/// listing fields. <see cref="Name"/> is the full name inside the container (the
/// container's own name for the root).
/// </summary>
public sealed class TreeNode
{
    public const string ContainerType = "container";
    public const string DirectoryType = "directory";
    public const string ObjectType = "object";

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("objects")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Objects { get; set; }

    [JsonPropertyName("bytes")]
    public long Bytes { get; set; }

    [JsonPropertyName("hash")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Hash { get; init; }

    [JsonPropertyName("content_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentType { get; init; }

    [JsonPropertyName("last_modified")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastModified { get; init; }

    [JsonPropertyName("truncated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Truncated { get; set; }

    [JsonPropertyName("children")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TreeNode>? Children { get; set; }

    /// <summary>The stobj id of a container or directory (not serialized).</summary>
    [JsonIgnore]
    public long Id { get; init; }
}
