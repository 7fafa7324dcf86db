namespace CloudFs.AccountServer.Data;

// Rows of the stat_* tables: one sample of one series at (ts, seq). Seq 0 marks a bucket of
// older samples folded into one by retention (averages for shares, peaks for amounts and totals).

public sealed record CpuStatRow
{
    public long Ts { get; init; }

    public int Seq { get; init; }

    public double UserPct { get; init; }

    public double SystemPct { get; init; }

    public double IowaitPct { get; init; }

    public double IdlePct { get; init; }

    public double Load1 { get; init; }
}

public sealed record MemStatRow
{
    public long Ts { get; init; }

    public int Seq { get; init; }

    public long UsedBytes { get; init; }

    public long FreeBytes { get; init; }

    public long CachedBytes { get; init; }

    public long ProcessRssBytes { get; init; }
}

public sealed record NetStatRow
{
    public long Ts { get; init; }

    public int Seq { get; init; }

    public string Iface { get; init; } = "";

    public long RxBytes { get; init; }

    public long TxBytes { get; init; }
}

public sealed record DiskStatRow
{
    public long Ts { get; init; }

    public int Seq { get; init; }

    public string Device { get; init; } = "";

    public long ReadBytes { get; init; }

    public long WriteBytes { get; init; }

    public long ReadOps { get; init; }

    public long WriteOps { get; init; }
}

public sealed record StorageStatRow
{
    public long Ts { get; init; }

    public int Seq { get; init; }

    public string Device { get; init; } = "";

    public long UsedBytes { get; init; }

    public long FreeBytes { get; init; }

    public long BlobCount { get; init; }
}
