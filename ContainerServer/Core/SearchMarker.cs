using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Where a search page ended: the keyset position (account, last segment, row id) in the
/// order the search reads (accounts by name, then the (account_id, type, name) index,
/// whose entries end in the row id). Clients see it only as an opaque base64url token.
/// </summary>
public sealed record SearchMarker(
    [property: JsonPropertyName("a")] string Account,
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("i")] long Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string token, out SearchMarker? marker)
    {
        marker = null;
        try
        {
            marker = JsonSerializer.Deserialize<SearchMarker>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }

        return marker is { Account: not null, Name: not null };
    }
}
