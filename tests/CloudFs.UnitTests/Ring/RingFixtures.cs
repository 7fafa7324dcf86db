using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

/// <summary>Builders shared by the ring tests.</summary>
internal static class RingFixtures
{
    /// <summary>3 zones × 2 servers × 2 disks = 12 devices; weights given per device (defaults to 100).</summary>
    public static RingBuilder TwelveDevices(int partPower = 14, int replicas = 3, int minPartHours = 0, TimeProvider? clock = null, Func<int, double>? weight = null)
    {
        var builder = new RingBuilder(partPower, replicas, minPartHours, clock ?? new RingTestClock());
        for (var i = 0; i < 12; i++)
        {
            var zone = (i / 4) + 1;
            builder.AddDevice(new RingDevice(-1, 1, zone, $"10.0.{zone}.{(i / 2) % 2}", 7013, $"sd{(char)('a' + (i % 2))}", weight?.Invoke(i) ?? 100));
        }

        return builder;
    }

    /// <summary>Per device id, how many replica slots of the ring it holds.</summary>
    public static Dictionary<int, int> Counts(RingData ring)
    {
        var counts = ring.Devices.ToDictionary(d => d.Id, _ => 0);
        for (var r = 0; r < ring.ReplicaCount; r++)
        {
            foreach (var id in ring.GetReplicaTable(r))
            {
                counts[id]++;
            }
        }

        return counts;
    }

    /// <summary>How many replica slots differ between two rings of the same shape.</summary>
    public static int Moved(RingData before, RingData after, HashSet<int>? partitions = null)
    {
        var moved = 0;
        for (var r = 0; r < before.ReplicaCount; r++)
        {
            for (var p = 0; p < before.PartitionCount; p++)
            {
                if (before.GetDeviceId(r, p) != after.GetDeviceId(r, p))
                {
                    moved++;
                    partitions?.Add(p);
                }
            }
        }

        return moved;
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cloudfs-ring-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
