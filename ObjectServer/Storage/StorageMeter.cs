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

    public static void Committed(long bytes)
    {
        Stored.Add(bytes);
        Blobs.Add(1);
    }
}
