using CloudFs.ObjectServer.Replication;
using CloudFs.ObjectServer.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>Object-specific recon: disk usage in the shape of Swift's /recon/diskusage, and the replicator's passes.</summary>
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
        return app;
    }
}
