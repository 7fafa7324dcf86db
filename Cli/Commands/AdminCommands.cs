using System.CommandLine;
using System.Text.Json.Nodes;
using CloudFs.Cli.Client;
using CloudFs.Cli.Output;

namespace CloudFs.Cli.Commands;

/// <summary><c>cloudfs quota</c>, <c>firewall</c>, <c>setting</c>, <c>records</c> and <c>usage-check</c>.</summary>
public static class AdminCommands
{
    public static Command Quota()
    {
        var target = new Argument<string>("target") { Description = "AUTH_account (account quota, admin only) or AUTH_account/container" };
        var bytes = new Option<string?>("--bytes") { Description = "Byte limit; an empty string removes it" };
        var count = new Option<string?>("--count") { Description = "Object count limit; an empty string removes it" };
        var set = new Command("set", "Set or clear quotas") { target, bytes, count };
        CommandAction.Set(set, async (r, client, ct) =>
        {
            var path = r.GetValue(target)!.Trim('/');
            var container = path.Contains('/');
            var prefix = container ? "X-Container-Meta-Quota-" : "X-Account-Quota-";
            var headers = new List<KeyValuePair<string, string>>();
            if (r.GetValue(bytes) is { } b)
            {
                headers.Add(new(prefix + "Bytes", b));
            }

            if (r.GetValue(count) is { } c)
            {
                headers.Add(new(prefix + "Count", c));
            }

            if (headers.Count == 0)
            {
                throw new CliException("give --bytes and/or --count");
            }

            await client.SendOkAsync(HttpMethod.Post, "/v1/" + CloudFsClient.Encode(path), headers: headers, ct: ct);
            Console.WriteLine($"quota set on {path}");
        });
        return new Command("quota", "Account and container quotas") { set };
    }

    public static Command Firewall()
    {
        var path = new Argument<string>("path") { Description = "AUTH_account[/container[/object or directory/]]; a trailing / names a directory" };
        var firewall = new Command("firewall", "Disable or enable a path for everyone but admins");
        foreach (var state in new[] { "disable", "enable" })
        {
            var command = new Command(state, $"{state} the path") { path };
            CommandAction.Set(command, async (r, client, ct) =>
            {
                await client.SendOkAsync(HttpMethod.Post, $"/admin/firewall/{CloudFsClient.Encode(r.GetValue(path)!.TrimStart('/'))}?state={state}d", ct: ct);
                Console.WriteLine($"{state}d {r.GetValue(path)}");
            });
            firewall.Subcommands.Add(command);
        }

        var account = new Option<string?>("--account") { Description = "Only this account (AUTH_account)" };
        var list = new Command("list", "What is disabled") { account };
        CommandAction.Set(list, async (r, client, ct) =>
        {
            var query = r.GetValue(account) is { Length: > 0 } a ? "?account=" + Uri.EscapeDataString(a) : "";
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, "/admin/firewall" + query, ct: ct));
            Printer.Print(body, r.GetValue(GlobalOptions.Json), "type", "path", "disabled_at");
        });
        firewall.Subcommands.Add(list);
        return firewall;
    }

    public static Command Setting()
    {
        var get = new Command("list", "Every site setting with its value");
        CommandAction.Set(get, async (r, client, ct) =>
        {
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, "/admin/settings", ct: ct))!.AsObject();
            if (r.GetValue(GlobalOptions.Json))
            {
                Printer.Print(body, json: true);
                return;
            }

            foreach (var (name, value) in body)
            {
                Console.WriteLine($"{name} = {value}");
            }
        });
        var name = new Argument<string>("name") { Description = "The setting, e.g. self_registration" };
        var value = new Argument<string>("value") { Description = "Its new value, e.g. true" };
        var set = new Command("set", "Change a site setting") { name, value };
        CommandAction.Set(set, async (r, client, ct) =>
        {
            var json = CloudFsClient.Json(new JsonObject { ["value"] = r.GetValue(value) }.ToJsonString());
            await client.SendOkAsync(HttpMethod.Put, "/admin/settings/" + Uri.EscapeDataString(r.GetValue(name)!), json, ct: ct);
            Console.WriteLine($"{r.GetValue(name)} = {r.GetValue(value)}");
        });
        return new Command("setting", "Site settings (self_registration)") { get, set };
    }

    public static Command Records()
    {
        var account = new Argument<string>("account") { Description = "AUTH_account" };
        var path = new Option<string?>("--path") { Description = "Only paths starting with this (/container/...)" };
        var action = new Option<string?>("--action") { Description = "Only this action, e.g. object.put, directory.move" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only records at or after this time" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Only records before this time" };
        var limit = new Option<int>("--limit") { Description = "Records per page", DefaultValueFactory = _ => 100 };
        var marker = new Option<long?>("--marker") { Description = "Page on: records older than this record id" };
        var records = new Command("records", "The operation history of an account, newest first") { account, path, action, since, until, limit, marker };
        CommandAction.Set(records, async (r, client, ct) =>
        {
            var query = new List<string> { "records", "limit=" + r.GetValue(limit) };
            AddQuery(query, "path", r.GetValue(path));
            AddQuery(query, "action", r.GetValue(action));
            AddQuery(query, "since", r.GetValue(since)?.ToUnixTimeMilliseconds().ToString());
            AddQuery(query, "until", r.GetValue(until)?.ToUnixTimeMilliseconds().ToString());
            AddQuery(query, "marker", r.GetValue(marker)?.ToString());
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, $"/v1/{CloudFsClient.Encode(r.GetValue(account)!)}?{string.Join('&', query)}", ct: ct));
            if (!r.GetValue(GlobalOptions.Json) && body is JsonArray rows)
            {
                foreach (var row in rows.OfType<JsonObject>())
                {
                    row["time"] = DateTimeOffset.FromUnixTimeMilliseconds((long)row["time"]!).ToString("u");
                }
            }

            Printer.Print(body, r.GetValue(GlobalOptions.Json), "id", "time", "action", "path", "size", "result", "user_id", "trans_id");
        });
        return records;
    }

    public static Command UsageCheck()
    {
        var account = new Argument<string>("account") { Description = "AUTH_account" };
        var repair = new Option<bool>("--repair") { Description = "Set drifting counters to the sums of the rows" };
        var check = new Command("usage-check", "Compare usage counters with the sums of the object rows") { account, repair };
        CommandAction.Set(check, async (r, client, ct) =>
        {
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Post,
                $"/admin/usage-check/{CloudFsClient.Encode(r.GetValue(account)!)}{(r.GetValue(repair) ? "?repair=true" : "")}", ct: ct))!;
            var drifts = body["drifts"]!.AsArray();
            if (r.GetValue(GlobalOptions.Json))
            {
                Printer.Print(body, json: true);
            }
            else if (drifts.Count == 0)
            {
                Console.WriteLine("usage counters match the rows");
            }
            else
            {
                Printer.Print(drifts, json: false, "type", "stobjId", "countedBytes", "actualBytes", "countedObjects", "actualObjects");
                Console.WriteLine((bool)body["repaired"]! ? "repaired" : "run with --repair to fix");
            }
        });
        return check;
    }

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
