using System.Diagnostics.Metrics;
using CloudFs.Common.Hosting.Metrics;

namespace CloudFs.Proxy.Objects;

/// <summary>The proxy's small-body cache in /metrics: reads it answered, reads it did not, memory it holds.</summary>
public sealed class SmallBodyCacheMetrics : IMetricSet
{
    public SmallBodyCacheMetrics(IMeterFactory meters, SmallBodyCache cache)
    {
        var meter = meters.Create("CloudFs.Proxy");
        meter.CreateObservableCounter("cloudfs.proxy.small_body_cache.reads", () => new[]
        {
            new Measurement<long>(cache.Hits, new KeyValuePair<string, object?>("result", "hit")),
            new Measurement<long>(cache.Misses, new KeyValuePair<string, object?>("result", "miss")),
        }, "{read}", "Whole-object GETs of bodies small enough to keep: answered from memory (hit) or from an object server (miss).");
        meter.CreateObservableGauge("cloudfs.proxy.small_body_cache.size", () => cache.Size, "By",
            "Memory the kept bodies take, their entries' overhead included.");
    }
}
