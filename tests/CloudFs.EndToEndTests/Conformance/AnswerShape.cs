using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// An answer with its volatile values replaced by their kind, so Swift's recording and
/// CloudFs's answer compare by shape where values must differ (dates, timestamps, transaction
/// ids, tokens, multipart boundaries, the server's own address) and exactly everywhere else.
/// Header names are lower-cased; repeated headers are joined with ", ".
/// </summary>
public sealed partial record AnswerShape(int Status, SortedDictionary<string, string> Headers, string Body)
{
    /// <summary>Framing a client never sees as such: the body is compared after de-chunking.</summary>
    private static readonly HashSet<string> Framing = new(StringComparer.OrdinalIgnoreCase) { "Transfer-Encoding" };

    /// <summary>Headers whose items Swift lists in no fixed order.</summary>
    private static readonly string[] SetValued = ["allow", "access-control-allow-methods", "access-control-expose-headers"];

    /// <param name="loose">Headers compared by shape only (a number, or any value), named by the step.</param>
    public static AnswerShape Of(int status, IEnumerable<KeyValuePair<string, string>> headers, string body, string baseUrl, IReadOnlyCollection<string> loose)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (Framing.Contains(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            merged[key] = merged.TryGetValue(key, out var before) ? before + ", " + value : value;
        }

        var boundary = merged.TryGetValue("content-type", out var type) && Boundary().Match(type) is { Success: true } m ? m.Groups[1].Value : null;
        var shaped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in merged)
        {
            shaped[name] = loose.Any(l => l.Equals(name, StringComparison.OrdinalIgnoreCase)) || ByShape(name, boundary)
                || (loose.Contains("account") && SharedAccountHeader().IsMatch(name))
                ? Digits().IsMatch(value) ? "{n}" : "{any}"
                : Mask(value, baseUrl, boundary);
        }

        foreach (var name in SetValued)
        {
            // Swift prints these from Python sets, whose order changes from process to process.
            if (shaped.TryGetValue(name, out var list))
            {
                shaped[name] = string.Join(", ", list.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
            }
        }

        if (status == 204)
        {
            // Swift sends "Content-Length: 0" on a 204; RFC 9110 8.6 forbids it there and Kestrel
            // never sends it, so it is a difference kept on purpose (docs/extensions.md).
            shaped.Remove("content-length");
        }

        if (shaped.TryGetValue("content-type", out var contentType))
        {
            // Charset names are case-insensitive and parameters may have white space around ';'
            // (RFC 9110 8.3): "a;boundary=x" and "a; boundary=x" are one answer.
            shaped["content-type"] = ParameterSpace().Replace(Charset().Replace(contentType, c => c.Value.ToLowerInvariant()), ";");
        }

        return new AnswerShape(status, shaped, Mask(body, baseUrl, boundary));
    }

    public static AnswerShape FromRecording(JsonObject answer, IReadOnlyCollection<string> loose)
    {
        var headers = ((JsonArray)answer["headers"]!).Select(h => new KeyValuePair<string, string>((string)h![0]!, (string)h[1]!));
        var body = answer["bodyB64"] is { } b64 ? Text(Convert.FromBase64String((string)b64!)) : (string?)answer["body"] ?? "";
        return Of((int)answer["status"]!, headers, body, "{base}", loose);
    }

    /// <summary>Bodies compare as UTF-8 text; bytes that are not UTF-8 compare as base64.</summary>
    public static string Text(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(body);
        }
    }

    /// <summary>
    /// Numbers that must differ: the seconds a token has left (it depends on when it was
    /// issued), and the length of a multipart answer (it depends on the boundary's length; the
    /// body itself is compared).
    /// </summary>
    // X-Manifest-Etag is the MD5 of a stored SLO manifest, which names the run's containers and
    // holds its segments' times: it can only be compared as a value of its kind.
    private static bool ByShape(string name, string? boundary) =>
        name is "x-auth-token-expires" or "x-manifest-etag" || (name == "content-length" && boundary is not null);

    /// <summary>The answer with each match of <paramref name="patterns"/> in its body replaced by "{masked}" (a step's "masks").</summary>
    public AnswerShape Masked(IReadOnlyCollection<string> patterns) =>
        patterns.Count == 0 ? this : this with { Body = patterns.Aggregate(Body, (body, p) => Regex.Replace(body, p, "{masked}")) };

    private static string Mask(string value, string baseUrl, string? boundary)
    {
        var text = value.Replace(baseUrl, "{base}", StringComparison.Ordinal);
        if (boundary is not null)
        {
            text = text.Replace(boundary, "{boundary}", StringComparison.Ordinal);
        }

        text = HttpDate().Replace(text, "{http-date}");
        text = IsoTime().Replace(text, "{iso}");
        text = ListingTime().Replace(text, "{listing-time}");
        text = SwiftTimestamp().Replace(text, "{ts}");
        text = TransactionId().Replace(text, "{txid}");
        return Token().Replace(text, "{token}");
    }

    [GeneratedRegex(@"boundary=""?([^"";\s]+)")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"charset=[^;\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    /// <summary>
    /// "loose": ["account"]: every case shares the test account, so its counters, its tempurl
    /// keys (set by the tempurl cases) and the length of its whole listing depend on which
    /// other cases ran before.
    /// </summary>
    [GeneratedRegex(@"^(x-account-(storage-policy-.+-)?(container-count|object-count|bytes-used)|x-account-meta-temp-url-key(-2)?|content-length)$")]
    private static partial Regex SharedAccountHeader();

    [GeneratedRegex(@"\s*;\s*")]
    private static partial Regex ParameterSpace();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT")]
    private static partial Regex HttpDate();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?")]
    private static partial Regex IsoTime();

    /// <summary>Staticweb's HTML listings show each object's time as "2026-12-01 13:18:48".</summary>
    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex ListingTime();

    [GeneratedRegex(@"(?<![\d.])\d{10}\.\d{5}(?![\d])")]
    private static partial Regex SwiftTimestamp();

    [GeneratedRegex(@"tx[0-9a-f]{21}-[0-9a-f]{10}")]
    private static partial Regex TransactionId();

    [GeneratedRegex(@"AUTH_tk[0-9a-f]+")]
    private static partial Regex Token();
}
