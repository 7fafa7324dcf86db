using System.Globalization;
using CloudFs.Catalog;
using CloudFs.Common.Paths;
using CloudFs.ContainerServer.Core;
using CloudFs.ContainerServer.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudFs.Bench.Listing;

/// <summary>
/// Times search pages and tree reads in process (catalog queries, firewall, no HTTP) on an
/// account holding one 1,000,000-object container (the listing benchmark's shape: 500,000
/// flat names "flat-0000042" and 500,000 nested "d07/e13/obj-0042", sizes 0..9,999), as a
/// non-admin caller, so the firewall lookups are included.
/// </summary>
public static class SearchBenchmark
{
    private const string Account = "AUTH_bench";
    private const string Database = "cloudfs_search_bench";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var runs = int.Parse(ListingBenchmark.Option(args, "--runs") ?? "7", CultureInfo.InvariantCulture);
        var reuse = args.Contains("--reuse");
        var options = await ListingBenchmark.CatalogAsync(args, reuse, Database);
        await using var database = new CatalogDatabase(options);
        var shape = new ContainerShape("c1m", 50);
        await new SchemaMigrator(database, options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        if (!reuse)
        {
            await output.WriteLineAsync($"Loading {shape.Total:N0} objects into {options.Provider}...");
            var took = await new BenchLoader(database).LoadAsync(Account, [shape], output, CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Load: {shape.Total:N0} object rows in {took.TotalSeconds:F1} s"));
        }

        var catalog = new CatalogReads(database, new CatalogSchema(database));
        var search = new SearchService(catalog, new ScopeRepository(), new SearchRepository(), new ListingRepository(), TimeProvider.System);
        var tree = new TreeTotalsService(catalog, new ScopeRepository(), new ListingRepository(), new TreeTotalsRepository(), TimeProvider.System);
        await output.WriteLineAsync($"{options.Provider}, {runs} runs after one warm-up; milliseconds per request");
        await output.WriteLineAsync($"{"request",-58} {"results",7} {"median",9} {"min",9} {"max",9}");
        foreach (var (label, query) in Searches())
        {
            var (request, error) = SearchRequest.Parse(QueryParameters.Parse(query));
            _ = request ?? throw new InvalidOperationException(error?.ToString());
            var count = 0;
            var timing = await ListingBenchmark.TimeAsync(runs, async () =>
            {
                var (result, failure) = await search.SearchAsync(Account, request, isAdmin: false, CancellationToken.None);
                count = result?.Results.Count ?? throw new InvalidOperationException(failure?.ToString());
            });
            await output.WriteLineAsync($"{label + " (" + query + ")",-58} {count,7} {timing}");
        }

        foreach (var (label, query) in Trees())
        {
            var (request, error) = TreeRequest.Parse(QueryParameters.Parse(query));
            _ = request ?? throw new InvalidOperationException(error?.ToString());
            var nodes = 0;
            var timing = await ListingBenchmark.TimeAsync(runs, async () =>
            {
                var (root, failure) = await tree.TreeAsync(new BackendPath("sda", 1, Account, shape.Name, null), request, false, CancellationToken.None);
                nodes = Count(root ?? throw new InvalidOperationException(failure?.ToString()));
            });
            await output.WriteLineAsync($"{label + " (" + query + ")",-58} {nodes,7} {timing}");
        }

        return 0;
    }

    private static IEnumerable<(string Label, string Query)> Searches()
    {
        yield return ("prefix, 10 hits", "name=flat-012345*");
        yield return ("prefix, 1,000 hits, first 100", "name=obj-0042*");
        yield return ("prefix, 1,000 hits, all", "name=obj-0042*&limit=1000");
        yield return ("substring, common", "name=obj-004");
        yield return ("substring, rare (whole index)", "name=0499999");
        yield return ("glob + size", "name=obj-00?2&min_size=9000");
        yield return ("glob, no literal start, + size", "name=*-04?99*&min_size=5000");
        yield return ("size only", "min_size=9990");
        yield return ("prefix + time", "name=flat-01*&modified_after=1732441240");
    }

    private static IEnumerable<(string Label, string Query)> Trees()
    {
        yield return ("tree, container, depth 1", "tree");
        yield return ("tree, d25, depth 2", "tree&path=d25&depth=2");
        yield return ("tree, d25/e10, depth 1", "tree&path=d25/e10");
    }

    private static int Count(TreeNode node) => 1 + (node.Children?.Sum(Count) ?? 0);
}
