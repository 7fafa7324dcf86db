using System.Globalization;
using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;
using CloudFs.Bench.LoadGen.Workloads;

namespace CloudFs.Bench.LoadGen.Probe;

/// <summary>
/// <c>loadgen put AUTH_URL COUNT CONCURRENCY [SIZE] [USER KEY]</c>: one phase of small PUTs into a
/// fresh container and nothing else, for profiling (bench/profile.sh samples the servers' CPU and
/// traces around it). Prints one line: the container (for a later <c>loadgen get</c>), ops/s, p50,
/// p99 and failures.
/// </summary>
public static class PutProbe
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count < 3)
        {
            throw new ArgumentException("put needs AUTH_URL COUNT CONCURRENCY [SIZE] [USER KEY]");
        }

        var auth = new Uri(args[0]);
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
        var size = args.Count > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4096;
        var (user, key) = args.Count > 5 ? (args[4], args[5]) : ("test:tester", "testing");
        using var client = ClientFactory.Create(concurrency);
        var session = await TempAuth.LoginAsync(client, auth, user, key, ct);
        var container = $"probe-{Guid.NewGuid().ToString("N")[..8]}";
        var created = await SwiftOps.PutContainerAsync(client, session, container, ct);
        if (!created.Ok)
        {
            throw new InvalidOperationException(created.Error);
        }

        await SwiftOps.WarmUpAsync(client, session, container, concurrency, ct);
        var body = PatternBuffer.Slice(size);
        var put = await ConcurrentRunner.RunAsync(count, concurrency,
            (i, _, token) => SwiftOps.PutAsync(client, session, container, $"obj-{i:D7}", new ByteArrayContent(body), token), ct);
        Console.WriteLine(ProbeLine.Format("put", size, concurrency, put, container));
        return put.Failures == 0 ? 0 : 1;
    }
}
