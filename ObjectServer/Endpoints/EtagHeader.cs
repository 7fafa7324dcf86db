namespace CloudFs.ObjectServer.Endpoints;

/// <summary>The MD5 a client promises in a PUT's ETag header: 32 hex digits, quotes optional.</summary>
public static class EtagHeader
{
    public static bool TryParseMd5(string? header, out string? md5)
    {
        md5 = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        var value = header.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        value = value.ToLowerInvariant();
        if (value.Length != 32 || value.AsSpan().ContainsAnyExcept("0123456789abcdef"))
        {
            return false;
        }

        md5 = value;
        return true;
    }

    public static string Format(string md5Hex) => $"\"{md5Hex}\"";
}
