using CloudFs.Bench.LoadGen.Workloads;

namespace CloudFs.Bench.LoadGen.Suite;

/// <summary>
/// Runs every workload against every target. Runs of one workload alternate between targets
/// (A B, B A, A B ...) so a slow drift of the machine does not favour either system.
/// </summary>
public sealed class SuiteRunner(SuiteOptions options)
{
    private readonly SuitePlan _plan = SuitePlan.For(options.Quick, options.Runs);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var writer = new ResultWriter(options.Out, options.Config);
        if (options.WarmUpSeconds > 0)
        {
            foreach (var target in options.Targets)
            {
                var context = new WorkloadContext(target, options.User, options.Key, 0, writer, cancellationToken);
                var (requests, failures) = await ServerWarmUp.RunAsync(context, TimeSpan.FromSeconds(options.WarmUpSeconds));
                await Console.Error.WriteLineAsync($"warm-up of {target.Name}: {requests} requests in {options.WarmUpSeconds:0} s, {failures} failed (untimed)");
            }
        }

        if (options.Includes("small"))
        {
            foreach (var (concurrency, count) in _plan.SmallCounts.OrderBy(p => p.Key))
            {
                // The ceiling server answers in microseconds: more requests keep its figure from being noise.
                await ForEachRunAsync(writer, false, c => SmallObjectWorkload.RunAsync(c, _plan.SmallSize, concurrency, c.Target.IsCeiling ? count * 5 : count), cancellationToken);
            }
        }
        if (options.Includes("large"))
        {
            await ForEachRunAsync(writer, false, c => LargeObjectWorkload.RunAsync(c, 1 << 20, _plan.MegabyteConcurrency, _plan.MegabyteCount), cancellationToken);
            await ForEachRunAsync(writer, false, c => LargeObjectWorkload.RunAsync(c, _plan.HugeSize, 1, _plan.HugeCount), cancellationToken);
        }
        if (options.Includes("account"))
        {
            await ForEachTargetAsync(writer, 0, c => AccountWorkload.PrepareAsync(c, _plan.AccountContainers), cancellationToken);
            await ForEachRunAsync(writer, true, c => AccountWorkload.MeasureAsync(c, _plan.AccountHeads), cancellationToken);
        }
        if (options.Includes("listing"))
        {
            await ForEachTargetAsync(writer, 0, c => ListingWorkload.PrepareAsync(c, _plan.ListingObjects, 64), cancellationToken);
            await ForEachRunAsync(writer, true, c => ListingWorkload.MeasureAsync(c, _plan.ListingObjects), cancellationToken, _plan.ListingRuns);
        }
    }

    private async Task ForEachRunAsync(ResultWriter writer, bool catalogOnly, Func<WorkloadContext, Task> workload, CancellationToken cancellationToken, int? runs = null)
    {
        for (var run = 1; run <= (runs ?? options.Runs); run++)
        {
            var order = options.Targets.Where(t => !(catalogOnly && t.IsCeiling)).ToList();
            if (run % 2 == 0)
            {
                order.Reverse();
            }
            foreach (var target in order)
            {
                await workload(new WorkloadContext(target, options.User, options.Key, run, writer, cancellationToken));
            }
        }
    }

    private async Task ForEachTargetAsync(ResultWriter writer, int run, Func<WorkloadContext, Task> step, CancellationToken cancellationToken)
    {
        foreach (var target in options.Targets.Where(t => !t.IsCeiling))
        {
            await step(new WorkloadContext(target, options.User, options.Key, run, writer, cancellationToken));
        }
    }
}
