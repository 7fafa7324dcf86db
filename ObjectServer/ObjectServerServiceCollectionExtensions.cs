using CloudFs.Backend;
using CloudFs.Common.Hosting.Metrics;
using CloudFs.Common.Hosts;
using CloudFs.ObjectServer.Auditing;
using CloudFs.ObjectServer.Replication;
using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer;

public static class ObjectServerServiceCollectionExtensions
{
    /// <summary>Options, the blob store and its helpers, the startup clean-up of tmp/ and the daemons (garbage collector, auditor).</summary>
    public static IServiceCollection AddObjectServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObjectServerOptions>()
            .Bind(configuration.GetSection(ObjectServerOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DevicesRoot), "ObjectServer:DevicesRoot must be set.")
            .Validate(o => o.MaxObjectSize >= 0, "ObjectServer:MaxObjectSize must not be negative.")
            .Validate(o => o.ClientTimeoutSeconds > 0, "ObjectServer:ClientTimeoutSeconds must be positive.")
            .Validate(o => o.IoBufferSize is >= 4096 and <= 16 * 1024 * 1024, "ObjectServer:IoBufferSize must be 4 KiB to 16 MiB.")
            .Validate(o => o.DirectWriteMinBytes >= 0, "ObjectServer:DirectWriteMinBytes must not be negative (0: no direct writes).")
            .ValidateOnStart();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ObjectServerOptions>>().Value);
        services.AddSingleton(sp => new DeviceLayout(sp.GetRequiredService<ObjectServerOptions>().DevicesRoot));
        services.AddOptions<AuditorOptions>()
            .Bind(configuration.GetSection(AuditorOptions.Section))
            .Validate(o => o.IntervalSeconds >= 0, "ObjectServer:Auditor:IntervalSeconds must not be negative (0 turns the auditor off).")
            .Validate(o => o.BytesPerSecond >= 0, "ObjectServer:Auditor:BytesPerSecond must not be negative (0: no limit).")
            .Validate(o => o.FilesPerSecond >= 0, "ObjectServer:Auditor:FilesPerSecond must not be negative (0: no limit).")
            .ValidateOnStart();

        services.AddSingleton<DeviceCheck>();
        services.AddSingleton<Quarantine>();
        services.AddSingleton<BlobStore>();
        services.AddSingleton<DeviceInventory>();
        services.AddSingleton<Auditor>();
        services.AddSingleton<DiskUsage>();
        services.AddSingleton<TempCleaner>();
        services.AddHostedService<StartupCleanup>();
        services.AddBackendClient(BackendOptions.Section);
        services.AddSingleton<Collection.GarbageCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<Collection.GarbageCollector>());
        services.AddObjectReplicator();
        services.AddSingleton<AuditStats>();
        services.AddSingleton<AuditPass>();
        services.AddHostedService<AuditorDaemon>();
        services.AddMetricSet<ObjectServerMetrics>();
        services.AddSingleton<StorageDevices>();
        services.AddSingleton<IStorageSource>(sp => sp.GetRequiredService<StorageDevices>());
        services.AddSingleton<IAlertSource>(sp => sp.GetRequiredService<StorageDevices>());
        services.AddSingleton<IAlertSource, Replication.ReplicationAlerts>();
        services.AddHostReporter();
        return services;
    }
}
