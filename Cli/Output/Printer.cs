using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudFs.Cli.Output;

/// <summary>Prints JSON arrays either as they are (--json) or as an aligned text table.</summary>
public static class Printer
{
    public static void Print(JsonNode? node, bool json, params string[] columns)
    {
        if (json)
        {
            Console.WriteLine(node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null");
            return;
        }

        var rows = node switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject obj => [obj],
            _ => [],
        };
        if (columns.Length == 0)
        {
            columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct().ToArray();
        }

        var cells = rows.Select(r => columns.Select(c => r[c] switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        }).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join("  ", columns.Select((c, i) => c.ToUpperInvariant().PadRight(widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }
}
