using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CloudFs.Cli.Client;
using CloudFs.Cli.Output;

namespace CloudFs.Cli.Commands;

/// <summary><c>cloudfs hosts</c>, <c>stats</c> and <c>alerts</c>: the role servers' reports, from the catalog.</summary>
public static class HostCommands
{
    public static Command Hosts()
    {
        var hosts = new Command("hosts", "The role servers that report to the cluster, their latest figures and alert counts");
        CommandAction.Set(hosts, async (r, client, ct) =>
        {
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, "/admin/hosts", ct: ct));
            if (r.GetValue(GlobalOptions.Json))
            {
                Printer.Print(body, json: true);
                return;
            }

            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var rows = new JsonArray();
            foreach (var host in body?.AsArray().OfType<JsonObject>() ?? [])
            {
                var seen = (now - (long)host["last_seen"]!) / 1000;
                var cpu = host["cpu"] as JsonObject;
                var mem = host["mem"] as JsonObject;
                rows.Add(new JsonObject
                {
                    ["id"] = (long)host["id"]!,
                    ["role"] = (string?)host["role"],
                    ["address"] = $"{host["address"]}:{host["port"]}",
                    ["hostname"] = (string?)host["hostname"],
                    ["version"] = (string?)host["version"],
                    ["seen"] = (bool)host["silent"]! ? $"SILENT {seen}s" : $"{Math.Max(seen, 0)}s ago",
                    ["cpu"] = cpu is null ? "" : $"{(double)cpu["user_pct"]! + (double)cpu["system_pct"]!:F1}%",
                    ["load"] = cpu is null ? "" : ((double)cpu["load1"]!).ToString("F2", CultureInfo.InvariantCulture),
                    ["memory"] = mem is null ? "" : $"{Bytes((long)mem["used_bytes"]!)}/{Bytes((long?)host["mem_total_bytes"] ?? 0)}",
                    ["alerts"] = (int)host["alerts"]!,
                });
            }

            Printer.Print(rows, json: false, "id", "role", "address", "hostname", "version", "seen", "cpu", "load", "memory", "alerts");
        });
        return hosts;
    }

    public static Command Stats()
    {
        var host = new Argument<string>("host") { Description = "Host id, address:port, node id, or an address or hostname (the first host on it)" };
        var since = new Option<string>("--since") { Description = "From this age or date (90s, 15m, 6h, 7d, 2026-12-01T10:00Z)", DefaultValueFactory = _ => "1h" };
        var until = new Option<string?>("--until") { Description = "Up to this age or date; default now" };
        var series = new Option<string>("--series") { Description = "Which series, comma-separated: cpu,mem,net,disk,storage", DefaultValueFactory = _ => "cpu,mem,net,disk,storage" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows per series", DefaultValueFactory = _ => 1000 };
        var stats = new Command("stats", "A host's CPU, memory, network, disk and storage series; network and disk as rates between samples") { host, since, until, series, limit };
        CommandAction.Set(stats, async (r, client, ct) =>
        {
            var now = DateTimeOffset.UtcNow;
            var query = $"since={TimeArguments.Parse(r.GetValue(since)!, now).ToUnixTimeMilliseconds()}&limit={r.GetValue(limit)}";
            if (r.GetValue(until) is { } end)
            {
                query += "&until=" + TimeArguments.Parse(end, now).ToUnixTimeMilliseconds();
            }

            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, $"/admin/hosts/{Uri.EscapeDataString(r.GetValue(host)!)}/stats?{query}", ct: ct))!;
            if (r.GetValue(GlobalOptions.Json))
            {
                Printer.Print(body, json: true);
                return;
            }

            var h = body["host"]!;
            Console.WriteLine($"host {h["id"]}: {h["role"]} server {h["address"]}:{h["port"]} on {h["hostname"]} (node {h["node_id"]}, {h["cores"]} cores, {Bytes((long?)h["mem_total_bytes"] ?? 0)} memory)");
            var wanted = r.GetValue(series)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Section(wanted, "cpu", "CPU (percent of all cores; seq 0: a bucket's average)", Rows(body["cpu"], o => new JsonObject
            {
                ["time"] = TimeArguments.Format((long)o["ts"]!), ["seq"] = (int)o["seq"]!,
                ["user"] = Pct(o["user_pct"]), ["system"] = Pct(o["system_pct"]), ["iowait"] = Pct(o["iowait_pct"]), ["idle"] = Pct(o["idle_pct"]),
                ["load1"] = ((double)o["load1"]!).ToString("F2", CultureInfo.InvariantCulture),
            }), "time", "seq", "user", "system", "iowait", "idle", "load1");
            Section(wanted, "mem", "MEMORY", Rows(body["mem"], o => new JsonObject
            {
                ["time"] = TimeArguments.Format((long)o["ts"]!), ["seq"] = (int)o["seq"]!,
                ["used"] = Bytes((long)o["used_bytes"]!), ["free"] = Bytes((long)o["free_bytes"]!), ["cached"] = Bytes((long)o["cached_bytes"]!),
                ["server_rss"] = Bytes((long)o["process_rss_bytes"]!),
            }), "time", "seq", "used", "free", "cached", "server_rss");
            Section(wanted, "net", "NETWORK (per second between samples)", Rates(body["net"], "iface", ["rx_bytes", "tx_bytes"]), "time", "iface", "rx_bytes", "tx_bytes");
            Section(wanted, "disk", "DISK I/O (per second between samples)", Rates(body["disk"], "device", ["read_bytes", "write_bytes", "read_ops", "write_ops"]),
                "time", "device", "read_bytes", "write_bytes", "read_ops", "write_ops");
            Section(wanted, "storage", "STORAGE", Rows(body["storage"], o => new JsonObject
            {
                ["time"] = TimeArguments.Format((long)o["ts"]!), ["device"] = (string?)o["device"],
                ["used"] = Bytes((long)o["used_bytes"]!), ["free"] = Bytes((long)o["free_bytes"]!),
                ["use"] = Pct(100.0 * (long)o["used_bytes"]! / Math.Max(1, (long)o["used_bytes"]! + (long)o["free_bytes"]!)), ["blobs"] = (long)o["blob_count"]!,
            }), "time", "device", "used", "free", "use", "blobs");
        });
        return stats;
    }

    public static Command Alerts()
    {
        var alerts = new Command("alerts", "What needs an operator now: full or unmounted devices, stalled replication, a growing journal, error-limited nodes, silent hosts");
        CommandAction.Set(alerts, async (r, client, ct) =>
        {
            var body = JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, "/admin/alerts", ct: ct));
            if (r.GetValue(GlobalOptions.Json))
            {
                Printer.Print(body, json: true);
                return;
            }

            var rows = Rows(body, o => new JsonObject
            {
                ["kind"] = (string?)o["kind"], ["host"] = $"{o["address"]}:{o["port"]}", ["role"] = (string?)o["role"], ["subject"] = (string?)o["subject"],
                ["since"] = TimeArguments.Format((long)o["since"]!), ["detail"] = (string?)o["detail"],
            });
            if (rows.Count == 0)
            {
                Console.WriteLine("no alerts");
                return;
            }

            Printer.Print(rows, json: false, "kind", "host", "role", "subject", "since", "detail");
        });
        return alerts;
    }

    private static void Section(HashSet<string> wanted, string name, string title, JsonArray rows, params string[] columns)
    {
        if (!wanted.Contains(name))
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(title);
        Printer.Print(rows, json: false, columns);
    }

    private static JsonArray Rows(JsonNode? series, Func<JsonObject, JsonObject> row) =>
        new([.. (series?.AsArray().OfType<JsonObject>() ?? []).Select(row)]);

    // Counters are running totals: a rate needs the previous sample of the same interface or device.
    // A total that went down (a reboot) gives no rate for that step.
    private static JsonArray Rates(JsonNode? series, string key, string[] counters)
    {
        var result = new JsonArray();
        foreach (var group in (series?.AsArray().OfType<JsonObject>() ?? []).GroupBy(o => (string?)o[key]))
        {
            JsonObject? previous = null;
            foreach (var sample in group)
            {
                if (previous is not null)
                {
                    var seconds = ((long)sample["ts"]! - (long)previous["ts"]!) / 1000.0;
                    var row = new JsonObject { ["time"] = TimeArguments.Format((long)sample["ts"]!), [key] = group.Key };
                    foreach (var counter in counters)
                    {
                        var delta = (long)sample[counter]! - (long)previous[counter]!;
                        row[counter] = seconds <= 0 || delta < 0 ? "" : counter.EndsWith("_bytes", StringComparison.Ordinal)
                            ? Bytes((long)(delta / seconds)) + "/s"
                            : (delta / seconds).ToString("F1", CultureInfo.InvariantCulture);
                    }

                    result.Add(row);
                }

                previous = sample;
            }
        }

        return result;
    }

    private static string Pct(JsonNode? value) => Pct((double)value!);

    private static string Pct(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("F1", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
