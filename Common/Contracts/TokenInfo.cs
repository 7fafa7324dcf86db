using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>The account server's answer to <c>GET /auth/validate</c>: whose token it is, until when (unix seconds).</summary>
public sealed record TokenInfo(
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("expires_at")] long ExpiresAt);
