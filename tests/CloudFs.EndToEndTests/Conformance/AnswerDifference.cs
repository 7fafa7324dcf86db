using System.Text.Json.Nodes;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>The first way an answer differs from what was expected, in words; null when they match.</summary>
public static class AnswerDifference
{
    public static string? Between(AnswerShape expected, AnswerShape actual) => All(expected, actual).FirstOrDefault();

    /// <summary>Every difference: status, then each header (by name), then the body.</summary>
    public static IEnumerable<string> All(AnswerShape expected, AnswerShape actual)
    {
        if (expected.Status != actual.Status)
        {
            yield return $"status: expected {expected.Status}, got {actual.Status} (body {Clip(actual.Body)})";
        }

        foreach (var (name, value) in expected.Headers)
        {
            if (!actual.Headers.TryGetValue(name, out var got))
            {
                yield return $"header {name}: expected '{Clip(value)}', missing";
            }
            else if (got != value)
            {
                yield return $"header {name}: expected '{Clip(value)}', got '{Clip(got)}'";
            }
        }

        foreach (var (name, value) in actual.Headers)
        {
            if (!expected.Headers.ContainsKey(name))
            {
                yield return $"header {name}: not expected, got '{Clip(value)}'";
            }
        }

        if (expected.Body != actual.Body)
        {
            var at = 0;
            while (at < expected.Body.Length && at < actual.Body.Length && expected.Body[at] == actual.Body[at])
            {
                at++;
            }

            var from = Math.Max(0, at - 20);
            yield return $"body differs at {at}: expected '{Clip(expected.Body[from..])}', got '{Clip(actual.Body[from..])}'";
        }
    }

    /// <summary>
    /// Replaces expected fields by an on-purpose override: status, headers (null removes),
    /// allHeaders (the whole header set, for an answer of another kind), body.
    /// </summary>
    public static AnswerShape Override(AnswerShape expected, JsonObject? change)
    {
        if (change is null)
        {
            return expected;
        }

        var headers = change["allHeaders"] is JsonObject
            ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : new SortedDictionary<string, string>(expected.Headers, StringComparer.Ordinal);
        foreach (var (name, value) in change["allHeaders"] as JsonObject ?? change["headers"] as JsonObject ?? [])
        {
            if (value is null)
            {
                headers.Remove(name.ToLowerInvariant());
            }
            else
            {
                headers[name.ToLowerInvariant()] = (string)value!;
            }
        }

        return new AnswerShape((int?)change["status"] ?? expected.Status, headers, (string?)change["body"] ?? expected.Body);
    }

    private static string Clip(string text) =>
        (text.Length > 160 ? text[..160] + "…" : text).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
