using System.Globalization;
using System.Text.Json.Nodes;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// Relations a step states between values the shape comparison masks: "etagOfBody" (the ETag
/// is the MD5 of the answer's own body), "etagOf" (the ETag is
/// the MD5 of a text) and "later" (a date header moved forward since an earlier step).
/// </summary>
public static class StepChecks
{
    /// <param name="answers">The answers of this case's steps so far, the current one last.</param>
    public static string? Failure(JsonObject step, IReadOnlyList<RawAnswer> answers)
    {
        var answer = answers[^1];
        foreach (var check in step["checks"] as JsonArray ?? [])
        {
            if (check!["etagOf"] is { } text)
            {
                var expected = StepRequest.Md5((string)text!);
                var etag = Header(answer, "ETag")?.Trim('"');
                if (etag != expected)
                {
                    return $"check etagOf: ETag '{etag}' is not the MD5 {expected}";
                }
            }

            if (check["etagOfBody"] is not null)
            {
                var expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(answer.Body));
                if (Header(answer, "ETag")?.Trim('"') != expected)
                {
                    return $"check etagOfBody: ETag '{Header(answer, "ETag")}' is not the MD5 of the body, {expected}";
                }
            }

            if (check["later"] is { } name)
            {
                var earlier = answers[(int)check["than"]!];
                var now = Date(Header(answer, (string)name!));
                var before = Date(Header(earlier, (string)name!));
                if (now is null || before is null || now <= before)
                {
                    return $"check later: {name} '{Header(answer, (string)name!)}' is not after step {check["than"]}'s '{Header(earlier, (string)name!)}'";
                }
            }
        }

        return null;
    }

    private static string? Header(RawAnswer answer, string name) =>
        answer.Headers.LastOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
