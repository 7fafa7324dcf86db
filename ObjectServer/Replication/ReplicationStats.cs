namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// What the replicator did: the pass in progress, the last finished pass and totals since the
/// server started, for /recon/replication. Counters are bumped from concurrent partition jobs.
/// </summary>
public sealed class ReplicationStats(TimeProvider time)
{
    private readonly Lock _lock = new();
    private Counters _current = new();
    private Counters _totals = new();
    private PassReport? _last;
    private DateTimeOffset? _currentStart;
    private long _passes;

    public void BeginPass(int partitions)
    {
        lock (_lock)
        {
            _current = new Counters { PartitionsPlanned = partitions };
            _currentStart = time.GetUtcNow();
        }
    }

    public void EndPass()
    {
        lock (_lock)
        {
            var end = time.GetUtcNow();
            var start = _currentStart ?? end;
            _last = new PassReport(UnixSeconds(start), UnixSeconds(end), (end - start).TotalSeconds, _current.Snapshot());
            _totals.Add(_current);
            _currentStart = null;
            _passes++;
            LastPassEnd = end;
        }
    }

    /// <summary>When the last pass finished; null before the first.</summary>
    public DateTimeOffset? LastPassEnd { get; private set; }

    public void PartitionDone() => Interlocked.Increment(ref _current.Partitions);

    public void BlobPushed(long bytes)
    {
        Interlocked.Increment(ref _current.BlobsPushed);
        Interlocked.Add(ref _current.BytesPushed, bytes);
    }

    public void TombstonePushed() => Interlocked.Increment(ref _current.TombstonesPushed);

    public void HandedOff(int entries) => Interlocked.Add(ref _current.HandedOff, entries);

    public void Reclaimed(int tombstones) => Interlocked.Add(ref _current.Reclaimed, tombstones);

    public void Failure() => Interlocked.Increment(ref _current.Failures);

    /// <summary>The report /recon/replication answers with.</summary>
    public ReplicationReport Report()
    {
        lock (_lock)
        {
            var current = _currentStart is { } start ? new PassReport(UnixSeconds(start), null, (time.GetUtcNow() - start).TotalSeconds, _current.Snapshot()) : null;
            var totals = new Counters();
            totals.Add(_totals);
            if (_currentStart is not null)
            {
                totals.Add(_current);
            }

            return new ReplicationReport(_passes, _last, current, totals.Snapshot());
        }
    }

    private static double UnixSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private sealed class Counters
    {
        public long PartitionsPlanned;
        public long Partitions;
        public long BlobsPushed;
        public long BytesPushed;
        public long TombstonesPushed;
        public long HandedOff;
        public long Reclaimed;
        public long Failures;

        public void Add(Counters other)
        {
            PartitionsPlanned += Interlocked.Read(ref other.PartitionsPlanned);
            Partitions += Interlocked.Read(ref other.Partitions);
            BlobsPushed += Interlocked.Read(ref other.BlobsPushed);
            BytesPushed += Interlocked.Read(ref other.BytesPushed);
            TombstonesPushed += Interlocked.Read(ref other.TombstonesPushed);
            HandedOff += Interlocked.Read(ref other.HandedOff);
            Reclaimed += Interlocked.Read(ref other.Reclaimed);
            Failures += Interlocked.Read(ref other.Failures);
        }

        public PassCounters Snapshot() => new(Interlocked.Read(ref PartitionsPlanned), Interlocked.Read(ref Partitions),
            Interlocked.Read(ref BlobsPushed), Interlocked.Read(ref BytesPushed), Interlocked.Read(ref TombstonesPushed),
            Interlocked.Read(ref HandedOff), Interlocked.Read(ref Reclaimed), Interlocked.Read(ref Failures));
    }
}
