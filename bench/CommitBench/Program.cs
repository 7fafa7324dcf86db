using System.Diagnostics;
using CloudFs.AccountServer;
using CloudFs.Bench.Commit;

// commit-bench <Sqlite|MySql> <connection string> [commits] [concurrency] [runs] [--tree N] [--tag T] [--account A]
// --tag T names this process's objects T-run1/..., so several processes (one per Galera node,
// bench/galera.sh) commit into the same container side by side without overwriting each other.
// --account A commits into AUTH_A (its owner A:owner is created at start) instead of AUTH_bench:
// several processes on as many accounts write as account servers do for different accounts.
// Each commit is what one object PUT costs the catalog: admission (quota reservation)
// then commit (row, directories, usage, record), as the proxy sends them.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: commit-bench <Sqlite|MySql> <connection string> [commits=5000] [concurrency=32] [runs=3]");
    return 2;
}

var provider = args[0];
var connectionString = args[1];
var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var commits = positional.Length > 2 ? int.Parse(positional[2]) : 5000;
var concurrency = positional.Length > 3 ? int.Parse(positional[3]) : 32;
var runs = positional.Length > 4 ? int.Parse(positional[4]) : 3;
var tag = args.Contains("--tag") ? args[Array.IndexOf(args, "--tag") + 1] + "-" : "";
var account = args.Contains("--account") ? args[Array.IndexOf(args, "--account") + 1] : "bench";
var dataDir = Directory.CreateTempSubdirectory("commit-bench-").FullName;

var app = AccountServerApp.Build(
[
    "--Server:Port=0", $"--Server:DataDir={dataDir}", $"--Catalog:Provider={provider}", $"--Catalog:ConnectionString={connectionString}",
    "--Bootstrap:AdminPassword=bench", $"--Bootstrap:Users:0:User={account}:owner", "--Bootstrap:Users:0:Key=bench", "--Logging:LogLevel:Default=Warning",
]);
await app.PrepareAsync();
await app.StartAsync();
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(app.Urls.First()) };
var driver = new CommitDriver(client, account);
await driver.CreateContainerAsync();

if (args.Contains("--tree"))
{
    // Catalog-only directory MOVE and COPY of N objects (issue figures).
    var files = int.Parse(args[Array.IndexOf(args, "--tree") + 1]);
    await new TreeTiming(client, driver).RunAsync(files, runs);
    await app.StopAsync();
    return 0;
}

var rates = new List<double>();
for (var run = 0; run < runs; run++)
{
    var watch = Stopwatch.StartNew();
    var failures = await driver.RunAsync($"{tag}run{run}", commits, concurrency);
    var rate = commits / watch.Elapsed.TotalSeconds;
    rates.Add(rate);
    Console.WriteLine($"run {run + 1}: {commits} admit+commit pairs at concurrency {concurrency} in {watch.Elapsed.TotalSeconds:0.00} s = {rate:0} commits/s ({failures} failed)");
}

rates.Sort();
Console.WriteLine($"{provider}: median {rates[rates.Count / 2]:0} commits/s (min {rates[0]:0}, max {rates[^1]:0}) over {runs} runs");
await app.StopAsync();
Directory.Delete(dataDir, recursive: true);
return 0;
