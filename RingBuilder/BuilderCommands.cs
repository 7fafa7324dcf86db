using System.Globalization;
using CloudFs.Ring;
using Builder = CloudFs.Ring.RingBuilder;

namespace CloudFs.RingBuilder;

/// <summary>The commands that edit the builder file: create, add, remove, set_weight, set_min_part_hours.</summary>
internal sealed class BuilderCommands(BuilderPaths paths, TextWriter output)
{
    public int Create(string[] args)
    {
        Args.Count(args, 3, "create <part_power> <replicas> <min_part_hours>");
        if (File.Exists(paths.BuilderPath))
        {
            throw new RingBuilderException($"{paths.BuilderPath} already exists; delete it first to start over.");
        }

        var builder = new Builder(Args.Int(args[0], "part_power"), Args.Int(args[1], "replicas"), Args.Int(args[2], "min_part_hours"));
        BuilderFile.Save(builder, paths.BuilderPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Created {paths.BuilderPath}: {builder.PartitionCount} partitions, {builder.Replicas} replicas, min_part_hours {builder.MinPartHours}."));
        return ExitCodes.Success;
    }

    public int Add(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 != 0)
        {
            throw new UsageException("add takes pairs of <device spec> <weight>, e.g. add r1z1-127.0.0.1:7013/sdb1 100");
        }

        var builder = BuilderFile.Load(paths.BuilderPath);
        var added = new List<RingDevice>();
        for (var i = 0; i < args.Length; i += 2)
        {
            var spec = DeviceQuery.Parse(args[i]).ToNewDevice(Args.Weight(args[i + 1]));
            added.Add(builder.AddDevice(spec));
        }

        // Saved only when every spec was valid: one bad spec adds nothing.
        BuilderFile.Save(builder, paths.BuilderPath);
        foreach (var d in added)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Device {d} with weight {d.Weight} added."));
        }

        return ExitCodes.Success;
    }

    public int Remove(string[] args)
    {
        (var positional, var yes) = SplitYes(args);
        Args.Count(positional, 1, "remove <search> [--yes]");
        var builder = BuilderFile.Load(paths.BuilderPath);
        foreach (var d in Find(builder, positional[0], yes))
        {
            builder.RemoveDevice(d.Id);
            output.WriteLine($"Device {d} marked for removal; its partitions move at the next rebalance.");
        }

        BuilderFile.Save(builder, paths.BuilderPath);
        return ExitCodes.Success;
    }

    public int SetWeight(string[] args)
    {
        (var positional, var yes) = SplitYes(args);
        Args.Count(positional, 2, "set_weight <search> <weight> [--yes]");
        var weight = Args.Weight(positional[1]);
        var builder = BuilderFile.Load(paths.BuilderPath);
        foreach (var d in Find(builder, positional[0], yes))
        {
            builder.SetWeight(d.Id, weight);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Device {d} weight set to {weight}."));
        }

        BuilderFile.Save(builder, paths.BuilderPath);
        return ExitCodes.Success;
    }

    public int SetMinPartHours(string[] args)
    {
        Args.Count(args, 1, "set_min_part_hours <hours>");
        var builder = BuilderFile.Load(paths.BuilderPath);
        builder.SetMinPartHours(Args.Int(args[0], "min_part_hours"));
        BuilderFile.Save(builder, paths.BuilderPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"min_part_hours set to {builder.MinPartHours}."));
        return ExitCodes.Success;
    }

    // A search matching several devices acts on all of them only with --yes, so "z1" cannot drain a zone by accident.
    private static IReadOnlyList<RingDevice> Find(Builder builder, string search, bool yes)
    {
        var found = builder.Search(search);
        if (found.Count == 0)
        {
            throw new RingBuilderException($"No device matches '{search}'.");
        }

        if (found.Count > 1 && !yes)
        {
            throw new RingBuilderException($"'{search}' matches {found.Count} devices ({string.Join(", ", found)}); add --yes to change them all.");
        }

        return found;
    }

    private static (string[] Positional, bool Yes) SplitYes(string[] args) =>
        (args.Where(a => a != "--yes").ToArray(), args.Contains("--yes"));
}
