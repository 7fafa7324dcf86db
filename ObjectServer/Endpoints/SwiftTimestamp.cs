using CloudFs.Common.Time;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>
/// X-Timestamp on the blob endpoints, where the header is optional: absent means "now" to
/// the caller. Parsing and formatting are <see cref="Timestamp"/>'s, shared by every role.
/// </summary>
public static class SwiftTimestamp
{
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!Timestamp.TryParse(text, out var parsed))
        {
            return false;
        }

        value = parsed.ToDateTimeOffset();
        return true;
    }

    public static string Format(DateTimeOffset value) => Timestamp.FromDateTimeOffset(value).ToHeader();
}
