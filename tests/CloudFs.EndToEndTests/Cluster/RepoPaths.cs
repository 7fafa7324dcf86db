namespace CloudFs.EndToEndTests.Cluster;

/// <summary>Where the built servers are: the repo root and the build configuration of this test run.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug, the same as the test assembly was built with.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string ServerDll(string project) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", $"CloudFs.{project}.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudFs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CloudFs.sln not found above " + AppContext.BaseDirectory);
    }
}
