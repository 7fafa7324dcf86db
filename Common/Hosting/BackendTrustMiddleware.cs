using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting.Metrics;
using CloudFs.Common.Http;
using CloudFs.Common.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.Common.Hosting;

/// <summary>
/// A role server (account, container, object) serves only requests another role signed with the
/// cluster's backend secret (<see cref="BackendSignature"/>); anything else is 401 before any
/// endpoint, so its X-Backend-* headers are never read. Exempt: /healthcheck (load balancers),
/// /metrics (it has its own client networks) and /recon from those same networks (operators'
/// curl); a signed /recon is served from anywhere. Without a secret (in-process tests, a cluster
/// not configured yet) nothing is checked, and the start-up log says so.
/// </summary>
public sealed partial class BackendTrustMiddleware
{
    private readonly RequestDelegate _next;
    private readonly byte[]? _key;
    private readonly ClientNetworks _operators;
    private readonly ReplayGuard _replays;
    private readonly TimeProvider _time;
    private readonly ILogger<BackendTrustMiddleware> _logger;

    public BackendTrustMiddleware(RequestDelegate next, IOptions<ClusterOptions> cluster, IOptions<MetricsOptions> metrics, ReplayGuard replays,
        TimeProvider time, ILogger<BackendTrustMiddleware> logger)
    {
        _next = next;
        _key = cluster.Value.BackendKey();
        _operators = ClientNetworks.Parse(metrics.Value.AllowedNetworks);
        _replays = replays;
        _time = time;
        _logger = logger;
        if (_key is null)
        {
            Log.Unprotected(logger);
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_key is null || IsExempt(context))
        {
            await _next(context);
            return;
        }

        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        var verdict = BackendSignature.Check(_key, request.Method, target, request.Headers[CloudFsHeaders.TransId].ToString(),
            request.Headers[BackendSignature.Header].ToString(), _time.GetUtcNow(), out var nonce);
        if (verdict == SignatureVerdict.Valid && !_replays.FirstUse(nonce))
        {
            verdict = SignatureVerdict.Forged;
            Log.Replayed(_logger, request.Method, target, context.Connection.RemoteIpAddress?.ToString() ?? "", context.TraceIdentifier);
        }
        else if (verdict != SignatureVerdict.Valid)
        {
            Log.Refused(_logger, request.Method, target, verdict, context.Connection.RemoteIpAddress?.ToString() ?? "", context.TraceIdentifier);
        }

        if (verdict != SignatureVerdict.Valid)
        {
            await ErrorResults.From(new CloudFsError(CloudFsErrorKind.Unauthorized, "Backend request not signed by this cluster"))
                .ExecuteAsync(context);
            return;
        }

        await _next(context);
    }

    private bool IsExempt(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals("/healthcheck", StringComparison.Ordinal) || path.Equals("/metrics", StringComparison.Ordinal))
        {
            return true;
        }

        return path.StartsWithSegments("/recon", StringComparison.Ordinal)
            && context.Request.Headers[BackendSignature.Header].Count == 0
            && _operators.Contains(context.Connection.RemoteIpAddress);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Cluster:BackendSecret is not set: this server serves unsigned requests from anyone who reaches it")]
        public static partial void Unprotected(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Refused {Method} {Target}: signature {Verdict} (from {Client}) {TransId}")]
        public static partial void Refused(ILogger logger, string method, string target, SignatureVerdict verdict, string client, string transId);

        [LoggerMessage(3, LogLevel.Warning, "Refused {Method} {Target}: a replayed signature (from {Client}) {TransId}")]
        public static partial void Replayed(ILogger logger, string method, string target, string client, string transId);
    }
}
