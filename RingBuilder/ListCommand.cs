using System.Globalization;
using CloudFs.Ring;
using Builder = CloudFs.Ring.RingBuilder;

namespace CloudFs.RingBuilder;

/// <summary>The default view: ring parameters, then one row per device with its partitions and balance.</summary>
internal sealed class ListCommand(BuilderPaths paths, TextWriter output)
{
    public int Run(string[] args)
    {
        if (args.Length > 1)
        {
            throw new UsageException("expected: list [<search>]");
        }

        var builder = BuilderFile.Load(paths.BuilderPath);
        var stats = builder.GetStats();
        IEnumerable<DeviceStats> rows = stats.Devices;
        if (args.Length == 1)
        {
            var query = DeviceQuery.Parse(args[0]);
            rows = rows.Where(r => query.Matches(r.Device));
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"{paths.BuilderPath}: {builder.PartitionCount} partitions, {builder.Replicas} replicas, {stats.Devices.Select(d => d.Device.Region).Distinct().Count()} regions, {stats.Devices.Select(d => (d.Device.Region, d.Device.Zone)).Distinct().Count()} zones, {stats.Devices.Count} devices, {stats.Balance:F2} balance, {stats.Dispersion:F2} dispersion"));
        output.WriteLine(string.Create(c, $"min_part_hours {builder.MinPartHours}{(builder.HasAssignment ? "" : "; never rebalanced")}{(builder.HasPendingChanges ? "; changes pending a rebalance" : "")}"));
        output.WriteLine(string.Create(c, $"{"id",4} {"region",6} {"zone",4} {"ip:port",-24} {"device",-10} {"weight",9} {"partitions",10} {"balance",8}  meta"));
        foreach (var s in rows)
        {
            var d = s.Device;
            output.WriteLine(string.Create(c,
                $"{d.Id,4} {d.Region,6} {d.Zone,4} {d.Endpoint,-24} {d.Device,-10} {d.Weight,9:0.##} {s.Assignments,10} {s.Balance,8:F2}  {d.Meta}{(s.PendingRemoval ? " (removing)" : "")}"));
        }

        return ExitCodes.Success;
    }
}
