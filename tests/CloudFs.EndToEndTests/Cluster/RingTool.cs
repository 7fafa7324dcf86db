using System.Diagnostics;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>The cloudfs-ring CLI (the built RingBuilder), as an operator runs it on {ringDir}/{role}.builder.</summary>
public static class RingTool
{
    /// <summary>Runs one command; exit 1 (a warning, e.g. "nothing to move") is fine, 2 (an error) throws with what it said.</summary>
    public static async Task<string> RunAsync(string ringDir, string role, params string[] args)
    {
        var dll = Path.Combine(RepoPaths.Root, "RingBuilder", "bin", RepoPaths.Configuration, "net10.0", "cloudfs-ring.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(Path.Combine(ringDir, role + ".builder"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode > 1)
        {
            throw new InvalidOperationException($"cloudfs-ring {role} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }

        return await output;
    }
}
