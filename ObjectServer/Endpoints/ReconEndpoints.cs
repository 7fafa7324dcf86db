using CloudFs.ObjectServer.Auditing;
using CloudFs.ObjectServer.Replication;
using CloudFs.ObjectServer.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>Object-specific recon: /recon/diskusage in Swift's shape, /recon/replication and /recon/auditor.</summary>
public static class ReconEndpoints
{
    public static IEndpointRouteBuilder MapReconEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/recon/diskusage", (DiskUsage usage) => Results.Json(usage.Measure().Select(d => new
        {
            device = d.Device,
            mounted = d.Mounted,
            size = d.TotalBytes,
            used = d.UsedBytes,
            avail = d.FreeBytes,
        })));
        app.MapGet("/recon/replication", (ReplicationStats stats) => Results.Json(stats.Report()));

        // Times are Unix seconds, as in Swift's recon cache.
        app.MapGet("/recon/auditor", (AuditStats stats, IOptions<AuditorOptions> options, TimeProvider time) =>
        {
            var snapshot = stats.Snapshot();
            var now = time.GetUtcNow();
            return Results.Json(new
            {
                interval_seconds = options.Value.IntervalSeconds,
                bytes_per_second = options.Value.BytesPerSecond,
                files_per_second = options.Value.FilesPerSecond,
                last_pass = Pass(snapshot.LastPass, now),
                current_pass = Pass(snapshot.CurrentPass, now),
                totals = new
                {
                    passes = snapshot.Totals.PassesCompleted,
                    blobs_checked = snapshot.Totals.BlobsChecked,
                    bytes_read = snapshot.Totals.BytesRead,
                    quarantined = snapshot.Totals.Quarantined,
                    errors = snapshot.Totals.Errors,
                },
            });
        });
        return app;
    }

    // A running pass has no end yet; its duration is the time so far.
    private static object? Pass(AuditPassFigures? pass, DateTimeOffset now) => pass is null ? null : new
    {
        start = UnixSeconds(pass.Start),
        end = pass.End is { } end ? UnixSeconds(end) : (double?)null,
        duration_seconds = ((pass.End ?? now) - pass.Start).TotalSeconds,
        blobs_checked = pass.BlobsChecked,
        bytes_read = pass.BytesRead,
        quarantined = pass.Quarantined,
        errors = pass.Errors,
    };

    private static double UnixSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
