using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudFs.Catalog;

/// <summary>
/// Catalog latency, for the roles' /metrics: each database transaction from its BEGIN to its end,
/// and each unit of work as its caller waits for it (queueing for the writer, a group commit's
/// turn and retries included).
/// </summary>
public static class CatalogMeter
{
    public const string Name = "CloudFs.Catalog";

    private static readonly Meter Meter = new(Name);

    // Sub-millisecond reads to multi-second lock waits; the exporter's default buckets are for milliseconds.
    private static readonly InstrumentAdvice<double> Buckets = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private static readonly Histogram<double> Transaction = Meter.CreateHistogram(
        "cloudfs.catalog.transaction.duration", "s", "One catalog transaction, from BEGIN to COMMIT or ROLLBACK.", tags: null, advice: Buckets);

    private static readonly Histogram<double> Work = Meter.CreateHistogram(
        "cloudfs.catalog.work.duration", "s", "One unit of catalog work as its caller waited for it.", tags: null, advice: Buckets);

    private static readonly Histogram<int> Group = Meter.CreateHistogram(
        "cloudfs.catalog.group.size", "{write}", "Writes that shared one SQLite group commit (one COMMIT, one fsync).", tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });

    public static void GroupCommitted(int writes) => Group.Record(writes);

    /// <param name="kind">read or write.</param>
    /// <param name="outcome">commit, rollback (a read, or work that failed) or error.</param>
    public static void TransactionEnded(long startedTimestamp, string kind, string outcome)
    {
        if (Transaction.Enabled)
        {
            Transaction.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
                new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <param name="outcome">ok or error.</param>
    public static void WorkEnded(long startedTimestamp, string kind, string outcome)
    {
        if (Work.Enabled)
        {
            Work.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
                new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
