using System.CommandLine;
using System.Diagnostics;
using CloudFs.Cli.Client;
using CloudFs.Cli.Import;

namespace CloudFs.Cli.Commands;

/// <summary><c>cloudfs import DIR CONTAINER[/PREFIX]</c>: load a local tree into an account.</summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var source = new Argument<DirectoryInfo>("directory") { Description = "Local directory to import" };
        var target = new Argument<string>("destination") { Description = "container[/prefix] to import into" };
        var account = new Option<string?>("--account") { Description = "AUTH_account to import into (default: the logged-in user's)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files uploaded at once", DefaultValueFactory = _ => 4 };
        var command = new Command("import", "Import a local directory tree; run again to resume") { source, target, account, jobs };
        CommandAction.Set(command, async (r, client, ct) =>
        {
            var dir = r.GetValue(source)!;
            if (!dir.Exists)
            {
                throw new CliException($"{dir.FullName} is not a directory");
            }

            var destination = r.GetValue(target)!.Trim('/');
            var slash = destination.IndexOf('/');
            var container = slash < 0 ? destination : destination[..slash];
            var prefix = slash < 0 ? "" : destination[(slash + 1)..] + "/";
            var accountPath = r.GetValue(account) is { } a ? "/v1/" + Uri.EscapeDataString(a) : client.StorageUrl.AbsolutePath;
            var watch = Stopwatch.StartNew();
            var summary = await new TreeImporter(client, accountPath, container, prefix, Math.Max(1, r.GetValue(jobs)), Console.Error).RunAsync(dir.FullName, ct);
            Console.WriteLine($"imported {summary.Uploaded} files ({summary.Bytes / 1048576.0:0.0} MiB), skipped {summary.Skipped} unchanged, " +
                $"{summary.Failed} failed, in {watch.Elapsed.TotalSeconds:0.0} s");
            if (summary.Failed > 0)
            {
                throw new CliException($"{summary.Failed} files failed; run the same command again to retry them");
            }
        });
        return command;
    }
}
