using System.Text;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// A search's <c>name</c> parameter, matched case-sensitively against the last segment of a
/// name: <c>*</c> is any run of characters and <c>?</c> exactly one (both always wildcards);
/// no wildcard means substring; a single trailing <c>*</c> means prefix.
/// <see cref="LiteralPrefix"/> is the text before the first wildcard of a prefix or glob,
/// which bounds the index range the search reads.
/// </summary>
public sealed record NamePattern(NamePatternKind Kind, string Text, string LiteralPrefix)
{
    public static readonly NamePattern Any = new(NamePatternKind.Any, "", "");

    public static NamePattern Parse(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern) || pattern == "*")
        {
            return Any;
        }

        var first = pattern.IndexOfAny(['*', '?']);
        if (first < 0)
        {
            return new NamePattern(NamePatternKind.Substring, pattern, "");
        }

        var literal = pattern[..first];
        return first == pattern.Length - 1 && pattern[first] == '*'
            ? new NamePattern(NamePatternKind.Prefix, literal, literal)
            : new NamePattern(NamePatternKind.Glob, pattern, literal);
    }

    /// <summary>True when the pattern holds a '?' (MariaDB must then compare characters, not bytes).</summary>
    public bool HasSingleWildcard => Text.Contains('?', StringComparison.Ordinal);

    /// <summary>The same test in memory (what the SQL does; used by tests and as the reference).</summary>
    public bool Matches(string name) => Kind switch
    {
        NamePatternKind.Any => true,
        NamePatternKind.Prefix => name.StartsWith(Text, StringComparison.Ordinal),
        NamePatternKind.Substring => name.Contains(Text, StringComparison.Ordinal),
        _ => GlobMatches(Runes(Text), 0, Runes(name), 0),
    };

    /// <summary>A SQL LIKE pattern with '\' as the escape character.</summary>
    public string ToLike() => Kind switch
    {
        NamePatternKind.Any => "%",
        NamePatternKind.Prefix => EscapeLike(Text) + "%",
        NamePatternKind.Substring => "%" + EscapeLike(Text) + "%",
        _ => Translate(Text, c => c switch
        {
            '*' => "%",
            '?' => "_",
            '%' or '_' or '\\' => "\\" + c,
            _ => c.ToString(),
        }),
    };

    /// <summary>An SQLite GLOB pattern (case-sensitive; '[' is its only other special character).</summary>
    public string ToGlob() => Kind switch
    {
        NamePatternKind.Any => "*",
        NamePatternKind.Prefix => EscapeGlob(Text) + "*",
        NamePatternKind.Substring => "*" + EscapeGlob(Text) + "*",
        _ => EscapeGlob(Text),
    };

    private static string EscapeLike(string text) =>
        Translate(text, c => c is '%' or '_' or '\\' ? "\\" + c : c.ToString());

    private static string EscapeGlob(string text) => text.Replace("[", "[[]", StringComparison.Ordinal);

    private static string Translate(string text, Func<char, string> map)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(map(c));
        }

        return builder.ToString();
    }

    private static Rune[] Runes(string text) => text.EnumerateRunes().ToArray();

    private static bool GlobMatches(Rune[] pattern, int p, Rune[] name, int n)
    {
        while (p < pattern.Length)
        {
            if (pattern[p].Value == '*')
            {
                for (var rest = n; rest <= name.Length; rest++)
                {
                    if (GlobMatches(pattern, p + 1, name, rest))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (n == name.Length || (pattern[p].Value != '?' && pattern[p] != name[n]))
            {
                return false;
            }

            p++;
            n++;
        }

        return n == name.Length;
    }
}
