using System.Diagnostics;
using System.Globalization;
using CloudFs.Ring;

namespace CloudFs.Bench.Ring;

/// <summary>A plain timed loop: build the ring, warm up, then time several runs and print median/min/max.</summary>
internal static class LookupBenchmark
{
    private const int PartPower = 18;
    private const int Replicas = 3;
    private const int Devices = 100;
    private const int Keys = 1 << 16;

    public static int Run(string[] args, TextWriter output)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var lookups = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000_000;

        var sw = Stopwatch.StartNew();
        var builder = new RingBuilder(PartPower, Replicas, 1);
        for (var i = 0; i < Devices; i++)
        {
            // 5 zones × 5 servers × 4 disks.
            builder.AddDevice(new RingDevice(-1, 1, (i % 5) + 1, $"10.0.{i % 5}.{(i / 5) % 5}", 7013, $"d{i / 25}", 100));
        }

        var result = builder.Rebalance(seed: 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rebalance: part_power {PartPower}, {Replicas} replicas, {Devices} devices in {sw.Elapsed.TotalMilliseconds:F0} ms (balance {result.Stats.Balance:F2}%)"));
        var data = builder.GetRingData();
        sw.Restart();
        builder.AddDevice(new RingDevice(-1, 1, 6, "10.0.6.0", 7013, "d0", 100));
        var grow = builder.Rebalance(seed: 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rebalance after adding a device in a new zone: {sw.Elapsed.TotalMilliseconds:F0} ms, moved {grow.MovedAssignments} assignments ({100.0 * grow.MovedAssignments / (data.PartitionCount * Replicas):F2}%, weight share {100.0 / (Devices + 1):F2}%)"));
        var ring = new HashRing(data, "bench-prefix", "bench-suffix");

        var accounts = Enumerable.Range(0, Keys).Select(i => "AUTH_" + i.ToString("x8", CultureInfo.InvariantCulture)).ToArray();
        Measure("GetPartition(account, container) + GetPrimaries (array)", runs, lookups, output, n =>
        {
            long sink = 0;
            for (var i = 0; i < n; i++)
            {
                var part = ring.GetPartition(accounts[i & (Keys - 1)], "photos");
                sink += ring.GetPrimaries(part)[0].Id;
            }

            return sink;
        });

        var buffer = new RingDevice[Replicas];
        Measure("GetPartition(account, container) + GetPrimaries (span, no allocation)", runs, lookups, output, n =>
        {
            long sink = 0;
            for (var i = 0; i < n; i++)
            {
                var part = ring.GetPartition(accounts[i & (Keys - 1)], "photos");
                ring.GetPrimaries(part, buffer);
                sink += buffer[0].Id;
            }

            return sink;
        });
        return 0;
    }

    private static void Measure(string name, int runs, int lookups, TextWriter output, Func<int, long> loop)
    {
        loop(lookups / 4); // warm-up: tiered JIT, caches
        var rates = new double[runs];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            loop(lookups);
            rates[r] = lookups / sw.Elapsed.TotalSeconds;
        }

        var bytesPerLookup = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)runs / lookups;
        Array.Sort(rates);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: median {rates[runs / 2]:N0}/s, min {rates[0]:N0}/s, max {rates[^1]:N0}/s over {runs} runs of {lookups:N0} ({bytesPerLookup:F1} B allocated per lookup)"));
    }
}
