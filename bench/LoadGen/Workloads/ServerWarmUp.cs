using System.Diagnostics;
using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>
/// Before any timed workload, the same untimed traffic for the same time against every target:
/// 4 KiB objects PUT, read, HEADed and deleted at concurrency 16, and a few 1 MiB ones. A .NET
/// server runs its first requests in unoptimised tier-0 code and keeps compiling for its first
/// several thousand (bench/profile.sh: 8.3, 5.2 and 3.8 CPU ms per PUT over three phases of 3,000
/// right after start); a storage server runs for months, so the figures are of warm servers.
/// Swift (CPython) has no JIT, and gets the same traffic all the same. Nothing is recorded.
/// </summary>
public static class ServerWarmUp
{
    private const int Concurrency = 16;

    /// <returns>The requests made and how many of them failed, for the log.</returns>
    public static async Task<(int Requests, int Failures)> RunAsync(WorkloadContext context, TimeSpan duration)
    {
        var ct = context.CancellationToken;
        using var client = ClientFactory.Create(Concurrency);
        var container = context.Container("warm-up");
        SwiftSession session;
        try
        {
            session = await context.LoginAsync(client);
            if (!(await SwiftOps.PutContainerAsync(client, session, container, ct)).Ok)
            {
                return (1, 1);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return (1, 1);
        }

        var small = PatternBuffer.Slice(4096);
        var large = PatternBuffer.Slice(1 << 20);
        var requests = 0;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkerAsync(int worker)
        {
            var buffer = new byte[64 * 1024];
            for (var round = 0; clock.Elapsed < duration; round++)
            {
                var name = $"w{worker}-{round}";
                // One round in twenty moves 1 MiB, so the streaming paths are compiled too.
                var body = round % 20 == 0 ? large : small;
                try
                {
                    OpOutcome[] outcomes =
                    [
                        await SwiftOps.PutAsync(client, session, container, name, new ByteArrayContent(body), ct),
                        await SwiftOps.GetAsync(client, session, container, name, body.Length, buffer, ct),
                        await SwiftOps.HeadAsync(client, session, container, name, ct),
                        await SwiftOps.DeleteAsync(client, session, container, name, ct),
                    ];
                    Interlocked.Add(ref requests, outcomes.Length);
                    Interlocked.Add(ref failures, outcomes.Count(o => !o.Ok));
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    Interlocked.Increment(ref requests);
                    Interlocked.Increment(ref failures);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(WorkerAsync));
        await Cleanup.DeleteContainerAsync(client, session, container, ct);
        return (requests, failures);
    }
}
