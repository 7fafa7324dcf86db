namespace CloudFs.Common.Hosting.Metrics;

/// <summary>
/// A role's observable instruments (gauges and counters read from state it already keeps).
/// Registered with <see cref="MetricsSetup.AddMetricSet{T}"/>; created when the app starts, since
/// an instrument nobody constructed is never observed.
/// </summary>
public interface IMetricSet;
