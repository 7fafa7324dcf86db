using System.CommandLine;
using CloudFs.Cli.Client;

namespace CloudFs.Cli.Commands;

/// <summary><c>cloudfs fsck</c>: compare the catalog with the object servers; progress streams as it runs.</summary>
public static class FsckCommand
{
    public static Command Build()
    {
        var account = new Option<string?>("--account") { Description = "Check one account's blobs (AUTH_x); default: the whole cluster, orphans included" };
        var repair = new Option<bool>("--repair") { Description = "Rewrite missing replicas, delete orphans, fix usage counters" };
        var grace = new Option<long>("--grace") { Description = "Seconds a blob must have sat unnamed on disk to count as an orphan", DefaultValueFactory = _ => 86_400 };
        var fsck = new Command("fsck", "Check (and with --repair fix) blobs, replicas and usage against the catalog. "
            + "Exit status: 0 when every object has all its replicas on its primaries and no blob is orphaned past --grace "
            + "(with --repair: when nothing is left unrepaired), 1 otherwise (problems found or left, something could not be checked, or an error)")
        { account, repair, grace };
        CommandAction.Set(fsck, async (r, client, ct) =>
        {
            var query = $"?grace={r.GetValue(grace)}{(r.GetValue(repair) ? "&repair=true" : "")}{(r.GetValue(account) is { } a ? "&account=" + Uri.EscapeDataString(a) : "")}";
            using var response = await client.SendAsync(HttpMethod.Post, "/admin/fsck" + query, ct: ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException($"fsck: {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            string? last = null;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                Console.WriteLine(line);
                last = line;
            }

            // The summary (the last line) says whether the cluster is clean; scripts read the exit code.
            if (!FsckSummary.IsClean(last))
            {
                throw new CliException(FsckSummary.IsSummary(last) ? "fsck: problems found (see above)" : "fsck: the report ended without its summary");
            }
        });
        return fsck;
    }
}
