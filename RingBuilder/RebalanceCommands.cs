using System.Globalization;
using CloudFs.Ring;
using Builder = CloudFs.Ring.RingBuilder;

namespace CloudFs.RingBuilder;

/// <summary>The commands that produce or check the ring: rebalance, write_ring, validate.</summary>
internal sealed class RebalanceCommands(BuilderPaths paths, TextWriter output)
{
    // Swift's default target: every device within 1% of its weight share.
    private const double BalanceGoal = 1.0;

    public int Rebalance(string[] args)
    {
        long seed = 0;
        if (args.Length == 2 && args[0] == "--seed")
        {
            seed = Args.Long(args[1], "seed");
        }
        else if (args.Length != 0)
        {
            throw new UsageException("expected: rebalance [--seed <n>]");
        }

        var builder = BuilderFile.Load(paths.BuilderPath);
        var result = builder.Rebalance(seed);
        if (!result.Changed)
        {
            output.WriteLine("No partitions could be reassigned (balanced already, or min_part_hours not passed yet); nothing written.");
            return ExitCodes.Warning;
        }

        var ring = builder.GetRingData();
        BuilderFile.Save(builder, paths.BuilderPath);
        RingFile.Save(ring, paths.RingPath);
        var total = builder.PartitionCount * builder.Replicas;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Reassigned {result.MovedAssignments} of {total} replica assignments ({100.0 * result.MovedAssignments / total:F2}%) in {result.MovedPartitions} partitions; filled {result.FilledAssignments}; removed {result.RemovedDevices} devices."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Balance is now {result.Stats.Balance:F2}%, dispersion {result.Stats.Dispersion:F2}%. Wrote {paths.RingPath}."));
        if (result.Stats.Balance > BalanceGoal || result.Stats.BadlySpreadPartitions > 0)
        {
            output.WriteLine("warning: balance or dispersion goal not reached; weights and zones may not allow it, or min_part_hours held partitions back. Rebalance again later.");
            return ExitCodes.Warning;
        }

        return ExitCodes.Success;
    }

    public int WriteRing(string[] args)
    {
        Args.Count(args, 0, "write_ring");
        var builder = BuilderFile.Load(paths.BuilderPath);
        RingFile.Save(builder.GetRingData(), paths.RingPath);
        output.WriteLine($"Wrote {paths.RingPath}.");
        return ExitCodes.Success;
    }

    public int Validate(string[] args)
    {
        Args.Count(args, 0, "validate");
        var builder = BuilderFile.Load(paths.BuilderPath);
        var problems = builder.Validate();
        foreach (var p in problems)
        {
            output.WriteLine("invalid: " + p);
        }

        if (problems.Count > 0)
        {
            return ExitCodes.Error;
        }

        output.WriteLine("The builder is valid.");
        return builder.HasPendingChanges ? Warn("devices changed since the last rebalance; run rebalance.") : ExitCodes.Success;
    }

    private int Warn(string message)
    {
        output.WriteLine("warning: " + message);
        return ExitCodes.Warning;
    }
}
