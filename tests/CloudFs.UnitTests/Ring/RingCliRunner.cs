using System.Diagnostics;

namespace CloudFs.UnitTests.Ring;

/// <summary>
/// Runs the real cloudfs-ring CLI as a child process ("dotnet cloudfs-ring.dll ..."). The unit
/// test project does not reference the CLI, so it is built once (incrementally) from the repo.
/// </summary>
internal static class RingCliRunner
{
    private static readonly Lazy<string> CliPath = new(BuildCli);

    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliPath.Value);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    private static string BuildCli()
    {
        var testDir = TestContext.CurrentContext.TestDirectory;
        var config = testDir.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = testDir;
        while (!File.Exists(Path.Combine(root, "CloudFs.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("CloudFs.sln not found above " + testDir);
        }

        var project = Path.Combine(root, "RingBuilder", "RingBuilder.csproj");
        var psi = new ProcessStartInfo("dotnet", ["build", project, "-c", config, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("Building the CLI failed:\n" + output + stderr.Result);
        }

        return Path.Combine(root, "RingBuilder", "bin", config, "net10.0", "cloudfs-ring.dll");
    }
}
