using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Hosts;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// Raises <c>replication_stalled</c> when no replication pass has finished for
/// <c>ObjectServer:Replication:StalledSeconds</c> (counted from start before the first): lost
/// replicas are not being made again. Quiet when replication is off.
/// </summary>
public sealed class ReplicationAlerts(ReplicationStats stats, ServerInfo info, IOptions<ReplicationOptions> options, TimeProvider time) : IAlertSource
{
    public IEnumerable<HostAlert> Current()
    {
        var o = options.Value;
        if (o.IntervalSeconds <= 0)
        {
            return [];
        }

        var since = stats.LastPassEnd ?? info.StartedAt;
        var idle = time.GetUtcNow() - since;
        return idle.TotalSeconds > o.StalledSeconds
            ? [new HostAlert(HostAlertKinds.ReplicationStalled, "object-replicator",
                stats.LastPassEnd is null
                    ? $"no replication pass has finished in the {(int)idle.TotalSeconds} s since start"
                    : $"the last replication pass finished {(int)idle.TotalSeconds} s ago (limit {o.StalledSeconds} s)")]
            : [];
    }
}
