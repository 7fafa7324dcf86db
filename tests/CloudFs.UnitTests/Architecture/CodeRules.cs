using System.Text.RegularExpressions;

namespace CloudFs.UnitTests.Architecture;

/// <summary>The text patterns the architecture tests look for, kept apart so they can be tested themselves.</summary>
public static partial class CodeRules
{
    /// <summary>True when the source holds SQL statement text (upper-case keywords, as the catalog's SQL is written).</summary>
    public static bool HasSql(string source) => Sql().IsMatch(source);

    /// <summary>True when the source opens a database connection, a catalog session or a file itself.</summary>
    public static bool TouchesStorage(string source) => Storage().IsMatch(source);

    /// <summary>True when the source depends on ASP.NET Core (HTTP types).</summary>
    public static bool UsesHttp(string source) => Http().IsMatch(source);

    /// <summary>The top-level types a file declares (nested types are indented and not counted).</summary>
    public static IEnumerable<string> TopLevelTypes(string source) => TopLevelType().Matches(source).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\b(SELECT\b[\s\S]{1,400}?\bFROM\b|INSERT\s+(IGNORE\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TABLE|INDEX)\b)")]
    private static partial Regex Sql();

    [GeneratedRegex(@"\b(DbConnection|MySqlConnection|SqliteConnection|CatalogSession|CatalogDatabase|CatalogWork|FileStream|File\.\w+\(|Directory\.\w+\()")]
    private static partial Regex Storage();

    [GeneratedRegex(@"\busing Microsoft\.AspNetCore|\bHttpContext\b|\bHttpRequest\b|\bIResult\b")]
    private static partial Regex Http();

    [GeneratedRegex(@"^(?:public |internal )?(?:sealed |static |abstract |readonly )*(?:partial )?(?:class|record struct|record|struct|interface|enum) ([A-Z][A-Za-z0-9]*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
