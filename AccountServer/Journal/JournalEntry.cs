using System.Text.Json.Serialization;
using CloudFs.AccountServer.Core;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// An admitted commit that could not reach the database, as written to the journal: enough
/// to replay it later exactly as it was asked (same caller, transaction id and timestamp).
/// </summary>
public sealed record JournalEntry(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("user_id")] long? UserId,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("user_type")] UserType? UserType,
    [property: JsonPropertyName("trans_id")] string TransId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("commit")] ObjectCommit Commit);
