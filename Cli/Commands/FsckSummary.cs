using System.Text.Json;

namespace CloudFs.Cli.Commands;

/// <summary>Reads fsck's closing JSON line: <c>"clean": true</c> is the only answer that makes the exit status 0.</summary>
public static class FsckSummary
{
    public static bool IsSummary(string? line) => Parse(line) is not null;

    public static bool IsClean(string? line) =>
        Parse(line) is { } summary && summary.TryGetProperty("clean", out var clean) && clean.ValueKind == JsonValueKind.True;

    private static JsonElement? Parse(string? line)
    {
        if (line is null || !line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
