using System.Text.Json.Serialization;
using CloudFs.AccountServer.Core;
using CloudFs.Common.Contracts;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// An admitted commit, or the abandon of an admitted upload, that could not reach the
/// database, as written to the journal: enough to replay it later exactly as it was asked
/// (same caller, transaction id and timestamp). Exactly one of Commit and Abandon is set.
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
    [property: JsonPropertyName("commit")] ObjectCommit? Commit,
    [property: JsonPropertyName("abandon")] Abandonment? Abandon = null);
