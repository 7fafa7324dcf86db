using System.Diagnostics.Metrics;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;

namespace CloudFs.Common.Hosting.Metrics;

/// <summary>The alerts this server raises right now, by kind (0 for the kinds it has none of, so a rule can alert on > 0).</summary>
public sealed class AlertMetrics : IMetricSet
{
    public AlertMetrics(IMeterFactory meters, IEnumerable<IAlertSource> sources)
    {
        var all = sources.ToList();
        var meter = meters.Create("CloudFs.Alerts");
        meter.CreateObservableGauge("cloudfs.alerts", () =>
        {
            var counts = all.SelectMany(s => s.Current()).GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
            return HostAlertKinds.All.Select(kind => new Measurement<int>(counts.GetValueOrDefault(kind), new KeyValuePair<string, object?>("kind", kind)));
        }, "{alert}", "Alerts this server raises right now, by kind (docs/operations.md).");
    }
}
