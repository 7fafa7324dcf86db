using System.Diagnostics;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>Runs a real client (swift, rclone) and captures what it printed.</summary>
public static class ToolRunner
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The swift CLI against a cluster's proxy as test:tester (or another user).</summary>
    public static Task<Result> SwiftAsync(Cluster.CloudFsCluster cluster, string? workingDirectory, params string[] args) =>
        SwiftAsUserAsync(cluster, "test:tester", "testing", workingDirectory, args);

    public static Task<Result> SwiftAsUserAsync(Cluster.CloudFsCluster cluster, string user, string key, string? workingDirectory, params string[] args) =>
        RunAsync("swift", ["-A", cluster.Url("proxy", "/auth/v1.0").ToString(), "-U", user, "-K", key, .. args], workingDirectory);

    /// <summary>rclone with a "cfs:" remote: the cluster's proxy as test:tester, configured through the environment.</summary>
    public static Task<Result> RcloneAsync(Cluster.CloudFsCluster cluster, params string[] args) =>
        RunAsync("rclone", args, cluster.Root, new Dictionary<string, string>
        {
            ["RCLONE_CONFIG"] = Path.Combine(cluster.Root, "rclone.conf"),
            ["RCLONE_CONFIG_CFS_TYPE"] = "swift",
            ["RCLONE_CONFIG_CFS_AUTH"] = cluster.Url("proxy", "/auth/v1.0").ToString(),
            ["RCLONE_CONFIG_CFS_USER"] = "test:tester",
            ["RCLONE_CONFIG_CFS_KEY"] = "testing",
        });
}
