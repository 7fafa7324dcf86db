using Microsoft.Extensions.DependencyInjection;

namespace CloudFs.ObjectServer.Replication;

public static class ReplicationServiceCollectionExtensions
{
    /// <summary>The replicator daemon, its options (ObjectServer:Replication) and its /recon/replication counters.</summary>
    public static IServiceCollection AddObjectReplicator(this IServiceCollection services)
    {
        services.AddOptions<ReplicationOptions>().BindConfiguration(ReplicationOptions.Section)
            .Validate(o => o.IntervalSeconds >= 0, "ObjectServer:Replication:IntervalSeconds must not be negative.")
            .Validate(o => o.Concurrency is >= 1 and <= 64, "ObjectServer:Replication:Concurrency must be 1 to 64.")
            .Validate(o => o.BytesPerSecond >= 0, "ObjectServer:Replication:BytesPerSecond must not be negative.")
            .Validate(o => o.ReclaimAgeSeconds > 0, "ObjectServer:Replication:ReclaimAgeSeconds must be positive.")
            .ValidateOnStart();
        services.AddSingleton<LocalNode>();
        services.AddSingleton<ReplicationStats>();
        services.AddSingleton<ReplicaPeer>();
        services.AddSingleton<PartitionReplicator>();
        services.AddSingleton<ObjectReplicator>();
        services.AddHostedService(sp => sp.GetRequiredService<ObjectReplicator>());
        return services;
    }
}
