using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosts;

/// <summary>
/// Something a server watches that can need an operator (a full device, a stalled replicator...).
/// Every registered source is asked on each <c>/recon/alerts</c>, metrics scrape and host
/// report, so <see cref="Current"/> must be cheap: sources that need I/O keep a cached answer.
/// </summary>
public interface IAlertSource
{
    IEnumerable<HostAlert> Current();
}
