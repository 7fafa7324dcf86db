using System.Diagnostics.Metrics;
using CloudFs.Common.Hosting.Metrics;

namespace CloudFs.Backend;

/// <summary>Calls to other roles that failed, per node, and the nodes the error limiter skips now.</summary>
public sealed class BackendMetrics : IMetricSet
{
    public BackendMetrics(IMeterFactory meters, NodeErrorLimiter limiter)
    {
        var meter = meters.Create("CloudFs.Backend");
        meter.CreateObservableCounter("cloudfs.backend.errors",
            () => limiter.ErrorTotals().Select(e => new Measurement<long>(e.Errors, new KeyValuePair<string, object?>("node", e.Node))),
            "{error}", "Failed calls (error answers, timeouts, refused connections) to a backend node.");
        meter.CreateObservableGauge("cloudfs.backend.error_limited_nodes", limiter.LimitedCount,
            "{node}", "Backend nodes skipped by the error limiter right now.");
    }
}
