using System.Text.RegularExpressions;

namespace CloudFs.UnitTests.Architecture;

/// <summary>The repository's production sources (no tests, benchmarks or build output), read as text.</summary>
public static partial class SourceTree
{
    /// <summary>The servers; each may use the shared libraries but never another role.</summary>
    public static readonly string[] Roles = ["Proxy", "AccountServer", "ContainerServer", "ObjectServer"];

    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Every production project folder: a top-level folder holding a .csproj.</summary>
    public static IEnumerable<string> Projects() =>
        Directory.GetDirectories(Root)
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>The .cs files of one project, as paths relative to the root with '/' separators.</summary>
    public static IEnumerable<string> Files(string project) =>
        Directory.EnumerateFiles(Path.Combine(Root, project), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> AllFiles() => Projects().SelectMany(Files);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The project names a .csproj references.</summary>
    public static IEnumerable<string> References(string project) =>
        ProjectReference().Matches(File.ReadAllText(Directory.GetFiles(Path.Combine(Root, project), "*.csproj")[0]))
            .Select(m => m.Groups[1].Value);

    private static string FindRoot()
    {
        var dir = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(dir, "CloudFs.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("CloudFs.sln not found above the test directory");
        }

        return dir;
    }

    [GeneratedRegex(@"<ProjectReference Include=""[^""]*[\\/]([^\\/""]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
