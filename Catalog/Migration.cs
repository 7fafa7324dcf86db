using System.Reflection;
using System.Text.RegularExpressions;

namespace CloudFs.Catalog;

/// <summary>One versioned schema change, loaded from an embedded <c>Migrations/NNN_name.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Script)
{
    public static IReadOnlyList<Migration> LoadAll()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    /// <summary>The script's statements, comments dropped, split at semicolons that end a line.</summary>
    public IEnumerable<string> Statements(SqlDialect dialect)
    {
        var current = new List<string>();
        foreach (var raw in Script.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            current.Add(line);
            if (line.EndsWith(';'))
            {
                yield return dialect.Translate(string.Join('\n', current).TrimEnd(';'));
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            yield return dialect.Translate(string.Join('\n', current));
        }
    }

    [GeneratedRegex(@"\.Migrations\.(\d{3})_(\w+)\.sql$")]
    private static partial Regex ResourceName();
}
