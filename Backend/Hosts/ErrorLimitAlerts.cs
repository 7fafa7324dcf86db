using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend.Hosts;

/// <summary>Raises <c>node_error_limited</c> for each node this server's error limiter skips now: it failed too often to be asked.</summary>
public sealed class ErrorLimitAlerts(NodeErrorLimiter limiter, IOptions<BackendOptions> options) : IAlertSource
{
    public IEnumerable<HostAlert> Current() => limiter.LimitedNodes().Select(node => new HostAlert(HostAlertKinds.NodeErrorLimited, node,
        $"{node} failed {options.Value.ErrorSuppressionLimit} times in a row; it is skipped for {options.Value.ErrorSuppressionIntervalSeconds} s after its last error"));
}
