using System.Diagnostics;
using System.Globalization;
using CloudFs.Catalog;
using CloudFs.Common.Paths;
using CloudFs.ContainerServer.Core;
using CloudFs.ContainerServer.Data;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace CloudFs.Bench.Listing;

/// <summary>
/// Times the container server's read paths in process (catalog queries, the listing walker
/// and JSON rendering; no HTTP) against containers of 100,000 and 1,000,000 objects, as a
/// non-admin caller (so the per-page directory firewall lookup is included).
/// </summary>
public static class ListingBenchmark
{
    private const string Account = "AUTH_bench";
    private const string Database = "cloudfs_listing_bench";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var runs = int.Parse(Option(args, "--runs") ?? "7", CultureInfo.InvariantCulture);
        var reuse = args.Contains("--reuse");
        var options = await CatalogAsync(args, reuse, Database);
        await using var database = new CatalogDatabase(options);
        var shapes = new[] { new ContainerShape("c100k", 5), new ContainerShape("c1m", 50) };
        if (!reuse)
        {
            await new SchemaMigrator(database, options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await output.WriteLineAsync($"Loading {shapes.Sum(s => s.Total):N0} objects into {options.Provider}...");
            var took = await new BenchLoader(database).LoadAsync(Account, shapes, output, CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Load: {shapes.Sum(s => s.Total):N0} object rows in {took.TotalSeconds:F1} s ({shapes.Sum(s => s.Total) / took.TotalSeconds:N0} rows/s)"));
        }

        var catalog = new CatalogReads(database, new CatalogSchema(database));
        var listings = new ListingService(catalog, new ScopeRepository(), new ListingRepository(), TimeProvider.System);
        await using var prepared = new PreparedReads(database);
        var resolver = new ObjectResolver(catalog, new ObjectRepository(), prepared, TimeProvider.System);
        await output.WriteLineAsync($"{options.Provider}, {runs} runs after one warm-up; milliseconds per page (query + walk + JSON body)");
        await output.WriteLineAsync($"{"container",-7} {"page",-34} {"entries",7} {"median",9} {"min",9} {"max",9}");
        foreach (var shape in shapes)
        {
            foreach (var (label, query) in Pages(shape))
            {
                var path = new BackendPath("sda", 1, Account, shape.Name, null);
                var (parameters, _) = ListingRequest.Parse(QueryParameters.Parse(query + "&format=json"), null, allowPath: true);
                var entries = 0;
                var timing = await TimeAsync(runs, async () =>
                {
                    var (result, error) = await listings.ContainerAsync(path, parameters, isAdmin: false, CancellationToken.None);
                    entries = result?.Items.Count ?? throw new InvalidOperationException(error?.ToString());
                    _ = ListingBody.Container(result.Items, ListingFormat.Json, shape.Name);
                });
                await output.WriteLineAsync($"{shape.Name,-7} {label,-34} {entries,7} {timing}");
            }

            var head = await TimeAsync(runs, async () =>
                _ = await listings.ContainerAsync(new BackendPath("sda", 1, Account, shape.Name, null), null, false, CancellationToken.None));
            await output.WriteLineAsync($"{shape.Name,-7} {"HEAD container",-34} {0,7} {head}");
            var random = new Random(7);
            var resolve = await TimeAsync(runs, async () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    var name = $"d{random.Next(shape.Tops):D2}/e{random.Next(ContainerShape.Middles):D2}/{ContainerShape.Leaf(random.Next(ContainerShape.Leaves))}";
                    var (found, _) = await resolver.ResolveAsync(new BackendPath("sda", 1, Account, shape.Name, name), false, CancellationToken.None);
                    _ = found ?? throw new InvalidOperationException(name);
                }
            });
            await output.WriteLineAsync($"{shape.Name,-7} {"resolve x100 (nested, 3 deep)",-34} {100,7} {resolve}");
        }

        return 0;
    }

    private static IEnumerable<(string Label, string Query)> Pages(ContainerShape shape)
    {
        var middle = $"d{shape.Tops / 2:D2}";
        yield return ("first page", "");
        yield return ("deep marker (80% into flat names)", $"marker={ContainerShape.FlatName(shape.Flat * 4 / 5)}");
        yield return ("deep marker (nested)", $"marker={middle}/e10/obj-0250");
        yield return ("prefix (10,000 below it)", $"prefix={middle}/");
        yield return ("delimiter / (all roll-ups + flat)", "delimiter=/");
        yield return ("delimiter / after marker", $"delimiter=/&marker={middle}/");
        yield return ("prefix + delimiter (20 roll-ups)", $"prefix={middle}/&delimiter=/");
        yield return ("path (500 below it)", $"path={middle}/e10");
        yield return ("reverse", "reverse=true");
        yield return ("reverse + delimiter (roll-ups)", "reverse=true&delimiter=/&marker=flat");
        yield return ("reverse deep marker", $"reverse=true&marker={ContainerShape.FlatName(shape.Flat / 5)}");
    }

    internal static async Task<Timing> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Timing.Of(samples);
    }

    internal static async Task<CatalogOptions> CatalogAsync(string[] args, bool reuse, string database)
    {
        if (Option(args, "--sqlite") is { } file)
        {
            if (!reuse && File.Exists(file))
            {
                File.Delete(file);
            }

            return new CatalogOptions { Provider = CatalogProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        }

        var server = Option(args, "--mysql") ?? Environment.GetEnvironmentVariable("CLOUDFS_BENCH_MYSQL")
            ?? throw new ArgumentException("Give --mysql \"<connection string>\" (or CLOUDFS_BENCH_MYSQL) or --sqlite <file>.");
        if (!reuse)
        {
            await using var connection = new MySqlConnection(server);
            await connection.OpenAsync();
            await using var command = new MySqlCommand(
                $"DROP DATABASE IF EXISTS `{database}`; CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new CatalogOptions
        {
            Provider = CatalogProvider.MySql,
            ConnectionString = new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        };
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
