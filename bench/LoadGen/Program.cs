using System.Globalization;
using CloudFs.Bench.LoadGen.Probe;
using CloudFs.Bench.LoadGen.Report;
using CloudFs.Bench.LoadGen.Serve;
using CloudFs.Bench.LoadGen.Suite;

// loadgen suite ...   run the workloads, append JSON lines to --out
// loadgen serve PORT  the loopback ceiling server
// loadgen report FILE...  markdown tables from JSON lines
// loadgen report --config NAME FILE...  the tables of one configuration (bench/run.sh --config)
// loadgen report --summary FILE...  issue 16's targets, one column per configuration
// loadgen put AUTH_URL COUNT CONCURRENCY [SIZE]  one phase of PUTs, for profiling
// loadgen get|head|delete|overwrite AUTH_URL CONTAINER OBJECTS COUNT CONCURRENCY [SIZE]  one phase over what put stored
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    switch (args.FirstOrDefault())
    {
        case "suite":
            await new SuiteRunner(SuiteOptions.Parse(args[1..])).RunAsync(cancellation.Token);
            return 0;
        case "put":
            return await PutProbe.RunAsync(args[1..], cancellation.Token);
        case "get" or "head" or "delete" or "overwrite":
            return await StoredObjectProbe.RunAsync(args[0], args[1..], cancellation.Token);
        case "serve" when args.Length == 2:
            await StaticServer.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), cancellation.Token);
            return 0;
        case "report" when args.Length >= 3 && args[1] == "--config":
            Console.Write(new ReportBuilder(ResultSet.Load(args[3..]).ForConfig(args[2])).Build());
            return 0;
        case "report" when args.Length >= 2 && args[1] == "--summary":
            Console.Write(TargetSummary.Build(ResultSet.Load(args[2..])));
            return 0;
        case "report" when args.Length >= 2:
            Console.Write(new ReportBuilder(ResultSet.Load(args[1..])).Build());
            return 0;
        default:
            Console.Error.WriteLine("usage: loadgen suite --out FILE [--config NAME] --target NAME=AUTH_URL[@SESSIONS] ... [--ceiling NAME=URL] [--quick] [--runs N] [--only small,large,account,listing]");
            Console.Error.WriteLine("       loadgen serve PORT");
            Console.Error.WriteLine("       loadgen put AUTH_URL COUNT CONCURRENCY [SIZE] [USER KEY]");
            Console.Error.WriteLine("       loadgen get|head|delete|overwrite AUTH_URL CONTAINER OBJECTS COUNT CONCURRENCY [SIZE]");
            Console.Error.WriteLine("       loadgen report [--config NAME | --summary] RESULTS.jsonl...");
            return 2;
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"loadgen: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("loadgen: cancelled");
    return 130;
}
