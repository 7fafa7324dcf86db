namespace CloudFs.Ring;

/// <summary>
/// The handoff sequence of a partition. Every non-primary device gets a weighted rendezvous
/// score for the partition (-ln(u)/weight, u from a stable hash of partition and device id),
/// so handoff load follows weight and each partition has its own order. The sequence then
/// walks that order four times, like Swift's get_more_nodes: devices in regions not used yet,
/// then zones not used yet, then ips not used yet, then everything left.
/// </summary>
internal static class HandoffOrder
{
    public static IEnumerable<RingDevice> Enumerate(RingData data, int partition)
    {
        var usedRegions = new HashSet<int>();
        var usedZones = new HashSet<(int, int)>();
        var usedIps = new HashSet<(int, int, string)>();
        var yielded = new HashSet<int>();
        for (var r = 0; r < data.ReplicaCount; r++)
        {
            var p = data.DeviceAt(r, partition);
            Use(p);
        }

        var order = Ranked(data, partition, yielded);
        for (var tier = 0; tier < 4; tier++)
        {
            foreach (var d in order)
            {
                if (yielded.Contains(d.Id) || !IsNew(d, tier))
                {
                    continue;
                }

                Use(d);
                yield return d;
            }
        }

        void Use(RingDevice d)
        {
            yielded.Add(d.Id);
            usedRegions.Add(d.Region);
            usedZones.Add((d.Region, d.Zone));
            usedIps.Add((d.Region, d.Zone, d.Ip));
        }

        bool IsNew(RingDevice d, int tier) => tier switch
        {
            0 => !usedRegions.Contains(d.Region),
            1 => !usedZones.Contains((d.Region, d.Zone)),
            2 => !usedIps.Contains((d.Region, d.Zone, d.Ip)),
            _ => true,
        };
    }

    private static RingDevice[] Ranked(RingData data, int partition, HashSet<int> primaries)
    {
        var candidates = new List<(double Key, double Tie, RingDevice Device)>(data.Devices.Count);
        foreach (var d in data.Devices)
        {
            if (primaries.Contains(d.Id))
            {
                continue;
            }

            var u = StableHash.Unit(((ulong)(uint)partition << 32) | (uint)d.Id);
            // Zero-weight devices are being drained: still usable, but only after all others.
            var key = d.Weight > 0 ? -Math.Log(u) / d.Weight : double.PositiveInfinity;
            candidates.Add((key, u, d));
        }

        candidates.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key)
            : a.Tie != b.Tie ? a.Tie.CompareTo(b.Tie) : a.Device.Id.CompareTo(b.Device.Id));
        return candidates.Select(c => c.Device).ToArray();
    }
}
