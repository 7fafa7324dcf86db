using System.Text.Json;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// tests/Conformance/go-swift-expected.json: the Go library tests real Swift passes and those
/// CloudFs does not pass yet (with why). <see cref="Compare"/> lists every way a run breaks it.
/// </summary>
public sealed record GoSwiftExpectation(IReadOnlyList<string> SwiftPasses, IReadOnlyDictionary<string, string> Pending)
{
    public static GoSwiftExpectation Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        return new(
            [.. root.GetProperty("swiftPasses").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("pending").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    /// <summary>Final action per top-level test ("pass", "fail", "skip") from <c>go test -json</c> lines.</summary>
    public static Dictionary<string, string> Results(string goTestJson)
    {
        var results = new Dictionary<string, string>();
        foreach (var line in goTestJson.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var e = JsonDocument.Parse(line);
            var action = e.RootElement.GetProperty("Action").GetString();
            if (e.RootElement.TryGetProperty("Test", out var test) && action is "pass" or "fail" or "skip")
            {
                results[test.GetString()!] = action;
            }
        }

        return results;
    }

    /// <summary>Problems: a test Swift passes that failed or did not run, and a pending test that passes now.</summary>
    public IReadOnlyList<string> Compare(IReadOnlyDictionary<string, string> results)
    {
        var problems = new List<string>();
        foreach (var name in SwiftPasses)
        {
            var action = results.GetValueOrDefault(name, "missing");
            if (Pending.TryGetValue(name, out var why))
            {
                if (action == "pass")
                {
                    problems.Add($"{name} passes now: remove it from pending ({why})");
                }
            }
            else if (action != "pass")
            {
                problems.Add($"{name}: {action} (Swift passes it)");
            }
        }

        problems.AddRange(Pending.Keys.Where(p => !SwiftPasses.Contains(p)).Select(p => $"{p} is pending but not a test Swift passes"));
        return problems;
    }
}
