using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// One scrape of a /metrics endpoint, parsed as Prometheus text exposition format: every sample
/// line is a name, optional labels and a value. A line that is none of a comment, a blank or a
/// sample fails the parse, so a malformed exposition fails the test that reads it.
/// </summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusScrape()
    {
    }

    public IReadOnlyList<(string Name, Dictionary<string, string> Labels, double Value)> Samples => _samples;

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: {line}");
            }

            var labels = match.Groups["labels"].Success ? ParseLabels(match.Groups["labels"].Value, line) : [];
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            scrape._samples.Add((match.Groups["name"].Value, labels, value));
        }

        return scrape;
    }

    /// <summary>The sum of <paramref name="name"/>'s samples whose labels include every pair in <paramref name="where"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] where) =>
        Matching(name, where).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    public IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Matching(string name, params (string Label, string Value)[] where) =>
        _samples.Where(s => s.Name == name && where.All(w => s.Labels.TryGetValue(w.Label, out var v) && v == w.Value));

    private static Dictionary<string, string> ParseLabels(string text, string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0 || eq + 1 >= text.Length || text[eq + 1] != '"')
            {
                throw new FormatException($"Bad label list in: {line}");
            }

            var name = text[i..eq];
            var value = new StringBuilder();
            var j = eq + 2;
            for (; j < text.Length && text[j] != '"'; j++)
            {
                if (text[j] == '\\' && j + 1 < text.Length)
                {
                    j++;
                    value.Append(text[j] == 'n' ? '\n' : text[j]);
                }
                else
                {
                    value.Append(text[j]);
                }
            }

            if (j >= text.Length)
            {
                throw new FormatException($"Unterminated label value in: {line}");
            }

            labels[name] = value.ToString();
            i = j + 1;
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
        }

        return labels;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?$")]
    private static partial Regex SampleLine();
}
