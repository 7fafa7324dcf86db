using System.Text.Json;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>One request and Swift's answer to it, from SwiftRecordings/recordings.json.</summary>
public sealed record SwiftRecording(
    string Id,
    string Method,
    string? Container,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> RequestHeaders,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    private static readonly Lazy<IReadOnlyDictionary<string, SwiftRecording>> All = new(Load);

    public static IReadOnlyDictionary<string, SwiftRecording> ById => All.Value;

    public override string ToString() => Id;

    private static IReadOnlyDictionary<string, SwiftRecording> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Recordings, "recordings.json")));
        var result = new Dictionary<string, SwiftRecording>(StringComparer.Ordinal);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var recording = new SwiftRecording(
                element.GetProperty("id").GetString()!,
                element.GetProperty("method").GetString()!,
                element.GetProperty("container").GetString(),
                element.GetProperty("query").EnumerateArray()
                    .Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!)).ToList(),
                Strings(element.GetProperty("requestHeaders")),
                element.GetProperty("status").GetInt32(),
                Strings(element.GetProperty("headers")),
                element.GetProperty("body").GetString()!);
            result[recording.Id] = recording;
        }

        return result;
    }

    private static Dictionary<string, string> Strings(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
}
