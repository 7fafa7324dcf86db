using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Core.Hosts;
using CloudFs.AccountServer.Core.Versioning;
using CloudFs.AccountServer.Data;
using CloudFs.AccountServer.Fsck;
using CloudFs.AccountServer.Journal;
using CloudFs.Backend;
using CloudFs.Catalog;
using CloudFs.Common.Hosting;
using CloudFs.Common.Hosting.Metrics;
using CloudFs.Common.Hosts;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer;

public static class AccountServerServiceCollectionExtensions
{
    public static IServiceCollection AddAccountServer(this IServiceCollection services)
    {
        services.AddCatalog();
        services.AddOptions<AccountServerOptions>().BindConfiguration(AccountServerOptions.Section)
            .Validate(o => o.TokenLifeSeconds > 0 && o.ReservationLifeSeconds > 0, "Lifetimes must be positive.")
            .Validate(o => o.PasswordIterations >= 1000, "PasswordIterations must be at least 1000.")
            .Validate(o => o.BacklogSampleSeconds > 0, "BacklogSampleSeconds must be positive.")
            .Validate(o => o.JournalAlertSeconds > 0, "JournalAlertSeconds must be positive.")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BootstrapOptions>>().Value);

        services.AddSingleton<CatalogWork>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<TokenRepository>();
        services.AddSingleton<NamespaceRepository>();
        services.AddSingleton<MetadataRepository>();
        services.AddSingleton<QuotaRepository>();
        services.AddSingleton<ObjectCommitReads>();
        services.AddSingleton<ReservationRepository>();
        services.AddSingleton<GarbageRepository>();
        services.AddSingleton<SegmentRepository>();
        services.AddSingleton<RecordRepository>();
        services.AddSingleton<SubtreeRepository>();
        services.AddSingleton<SettingRepository>();
        services.AddSingleton<SettingService>();
        services.AddSingleton<FirewallRepository>();
        services.AddSingleton<BlobRepository>();

        services.AddSingleton<NamespaceLocator>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ContainerService>();
        services.AddSingleton<ObjectRemover>();
        services.AddSingleton<ArchiveRepository>();
        services.AddSingleton<LegacyVersioning>();
        services.AddSingleton<VersionRepository>();
        services.AddSingleton<ObjectVersioning>();
        services.AddSingleton<ObjectService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<AuthService>();
        services.AddSingleton<FirewallService>();
        services.AddSingleton<RecordService>();
        services.AddSingleton<UsageAudit>();
        services.AddSingleton<GarbageService>();
        services.AddSingleton<MoveCopyService>();
        services.AddSingleton<UserBootstrapper>();

        services.AddSingleton<CommitJournal>();
        services.AddSingleton<JournalingCommitter>();
        services.AddSingleton<JournalReplayer>();
        services.AddHostedService(sp => sp.GetRequiredService<JournalReplayer>());
        services.AddSingleton<ExpiredObjectReaper>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredObjectReaper>());
        services.AddSingleton<CatalogBacklog>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogBacklog>());
        services.AddMetricSet<AccountServerMetrics>();
        services.AddSingleton<IAlertSource, JournalAlerts>();

        services.AddOptions<HostStatsOptions>().BindConfiguration(HostStatsOptions.Section)
            .Validate(o => o.IsValid, $"{HostStatsOptions.Section}: every duration must be positive.")
            .ValidateOnStart();
        services.AddSingleton<HostRepository>();
        services.AddSingleton<HostStatsRepository>();
        services.AddSingleton<HostService>();
        services.AddSingleton<HostSilenceWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<HostSilenceWatch>());
        services.AddSingleton<IAlertSource>(sp => sp.GetRequiredService<HostSilenceWatch>());
        services.AddHostedService<HostStatsRetention>();

        // fsck talks to the object servers: the shared backend client (options in the Backend
        // section) and its rings, loaded on first use so a server without ring files still starts.
        services.AddBackendClient(BackendOptions.Section);
        services.AddHostReporter();
        services.AddSingleton<FsckJob>();
        return services;
    }
}
