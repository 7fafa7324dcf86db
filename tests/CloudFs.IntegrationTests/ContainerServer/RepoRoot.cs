namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>The repository root (where CloudFs.sln is) and the container server's built dll.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Recordings => System.IO.Path.Combine(Path, "tests", "CloudFs.IntegrationTests", "ContainerServer", "SwiftRecordings");

    public static string ContainerServerDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return System.IO.Path.Combine(Path, "ContainerServer", "bin", configuration, "net10.0", "CloudFs.ContainerServer.dll");
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CloudFs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CloudFs.sln not found above " + AppContext.BaseDirectory);
    }
}
