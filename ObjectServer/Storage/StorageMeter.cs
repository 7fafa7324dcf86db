using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudFs.ObjectServer.Storage;

/// <summary>Bytes committed to disk as blobs (client PUTs and replication pushes alike), whatever the request's framing.</summary>
public static class StorageMeter
{
    private static readonly Meter Meter = new("CloudFs.Storage");

    private static readonly Counter<long> Stored = Meter.CreateCounter<long>(
        "cloudfs.object.stored", "By", "Blob body bytes committed to disk.");

    private static readonly Counter<long> Blobs = Meter.CreateCounter<long>(
        "cloudfs.object.stored.blobs", "{blob}", "Blobs committed to disk.");

    private static readonly Counter<long> Syncs = Meter.CreateCounter<long>(
        "cloudfs.object.group_syncs", "{sync}", "syncfs calls that made a group of writes durable (FsyncMode Grouped), by device and outcome.");

    private static readonly Counter<long> SyncedWrites = Meter.CreateCounter<long>(
        "cloudfs.object.group_syncs.writes", "{write}", "Writes (PUTs, DELETEs, handoff removals) those syncs answered; divided by the syncs, the group size.");

    public static void Synced(string device, int writes, bool succeeded)
    {
        var tags = new TagList { { "device", device }, { "outcome", succeeded ? "ok" : "error" } };
        Syncs.Add(1, tags);
        SyncedWrites.Add(writes, tags);
    }

    public static void Committed(long bytes)
    {
        Stored.Add(bytes);
        Blobs.Add(1);
    }
}
