using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// tests/Conformance as data: every case (id "area/case") with its steps and Swift's recorded
/// answers, and the two lists of known differences, pending.json and on-purpose.json.
/// </summary>
public static partial class ConformanceSuite
{
    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "tests", "Conformance");

    public static string PendingPath => Path.Combine(Directory, "pending.json");

    private static readonly Lazy<Dictionary<string, ConformanceCase>> AllCases = new(Load);

    private static readonly Lazy<JsonObject> PendingList = new(() => ReadObject(PendingPath));

    private static readonly Lazy<JsonObject> OnPurposeList = new(() => ReadObject(Path.Combine(Directory, "on-purpose.json")));

    public static IReadOnlyDictionary<string, ConformanceCase> Cases => AllCases.Value;

    /// <summary>What pending.json says still differs for this case on this database, or null.</summary>
    public static string? Pending(string id, string database) => (string?)PendingList.Value[id]?[database];

    /// <summary>The on-purpose override of one step (status/headers/body CloudFs answers instead), or null.</summary>
    public static JsonObject? OnPurpose(string id, int step) => OnPurposeList.Value[id]?["steps"]?[step.ToString(System.Globalization.CultureInfo.InvariantCulture)] as JsonObject;

    /// <summary>The same container name record.py gives the case.</summary>
    public static string ContainerName(string area, string caseId) => NotNameChar().Replace($"cf-{area}-{caseId}".ToLowerInvariant(), "-");

    public static JsonObject ReadObject(string path) =>
        File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];

    private static Dictionary<string, ConformanceCase> Load()
    {
        var all = new Dictionary<string, ConformanceCase>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Directory, "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileNameWithoutExtension(file);
            var cases = JsonNode.Parse(File.ReadAllText(file))!["cases"]!.AsArray();
            var recordings = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "recordings", area + ".json")))!["cases"]!.AsObject();
            foreach (var node in cases)
            {
                var id = (string)node!["id"]!;
                var answers = recordings[id]?.AsArray()
                    ?? throw new InvalidDataException($"{area}/{id} has no recording: run tests/Conformance/record.sh");
                var steps = node["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
                if (answers.Count != steps.Count)
                {
                    throw new InvalidDataException($"{area}/{id}: {steps.Count} steps but {answers.Count} recorded answers");
                }

                all.Add($"{area}/{id}", new ConformanceCase(area, id, steps, answers.Select(a => a!.AsObject()).ToList()));
            }
        }

        return all;
    }

    public static void Write(string path, JsonObject value) =>
        File.WriteAllText(path, value.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex NotNameChar();
}
