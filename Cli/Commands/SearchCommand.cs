using System.CommandLine;
using System.Text.Json.Nodes;
using CloudFs.Cli.Client;
using CloudFs.Cli.Output;

namespace CloudFs.Cli.Commands;

/// <summary><c>cloudfs search</c>: find objects by name pattern, size and time, in one account or (admins) all.</summary>
public static class SearchCommand
{
    public static Command Build()
    {
        var pattern = new Argument<string>("pattern") { Description = "Glob on the last path segment (* and ?); no wildcard means substring" };
        var account = new Option<string?>("--account") { Description = "AUTH_account to search; default: every account (admins only)" };
        var container = new Option<string?>("--container") { Description = "Only this container" };
        var minSize = new Option<long?>("--min-size") { Description = "At least this many bytes" };
        var maxSize = new Option<long?>("--max-size") { Description = "At most this many bytes" };
        var limit = new Option<int>("--limit") { Description = "Results per page", DefaultValueFactory = _ => 100 };
        var search = new Command("search", "Search object names") { pattern, account, container, minSize, maxSize, limit };
        CommandAction.Set(search, async (r, client, ct) =>
        {
            var query = new List<string> { "name=" + Uri.EscapeDataString(r.GetValue(pattern)!), "limit=" + r.GetValue(limit) };
            if (r.GetValue(container) is { } c)
            {
                query.Add("container=" + Uri.EscapeDataString(c));
            }

            if (r.GetValue(minSize) is { } min)
            {
                query.Add("min_size=" + min);
            }

            if (r.GetValue(maxSize) is { } max)
            {
                query.Add("max_size=" + max);
            }

            var path = r.GetValue(account) is { } a ? $"/v1/{Uri.EscapeDataString(a)}?search&" : "/admin/search?";
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, path + string.Join('&', query), ct: ct))!;
            Printer.Print(r.GetValue(GlobalOptions.Json) ? body : body["results"], r.GetValue(GlobalOptions.Json), "account", "container", "name", "bytes", "last_modified");
        });
        return search;
    }
}
