using System.Net;
using CloudFs.Common.Hosting.Metrics;
using CloudFs.Common.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.Common.Hosting;

/// <summary>
/// The start-up every role shares. Configuration, lowest precedence first: built-in defaults,
/// <c>cloudfs.json</c> beside the role's config file (cluster-wide secrets), the file given
/// with <c>--config</c>, environment variables prefixed <c>CLOUDFS_</c>
/// (<c>CLOUDFS_Server__Port=7111</c>), then the remaining command-line arguments.
/// </summary>
public static class CloudFsHost
{
    public const string EnvironmentPrefix = "CLOUDFS_";
    public const string ClusterFileName = "cloudfs.json";

    public static WebApplicationBuilder CreateBuilder(string[] args, ServerRole role)
    {
        var (configPath, rest) = ConfigArguments.Split(args);
        if (configPath is not null && !File.Exists(configPath))
        {
            throw new FileNotFoundException($"Config file {configPath} does not exist.", configPath);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = rest,
            ContentRootPath = Directory.GetCurrentDirectory(),
            // Must name a real assembly: ASP.NET loads the application name as a hosting-startup assembly.
            ApplicationName = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name,
        });
        AddConfiguration(builder.Configuration, role, configPath, rest);
        // Under systemd (Type=notify): READY=1 once started, STOPPING=1 on SIGTERM. Added before
        // the logging so our console format, not systemd's, is the one in force.
        builder.Services.AddSystemd();
        ConfigureLogging(builder.Logging, builder.Configuration);
        builder.AddCloudFsMetrics(role);
        builder.Services.AddMetricSet<AlertMetrics>();

        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section)
            .Validate(o => IPAddress.TryParse(o.Bind, out _), "Server:Bind must be an IP address.")
            .Validate(o => o.Port is >= 0 and <= 65535, "Server:Port must be 0-65535.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDir), "Server:DataDir must be set.")
            .Validate(o => o.RingCheckSeconds >= 1, "Server:RingCheckSeconds must be at least 1.")
            .Validate(o => o.HostReportSeconds >= 0, "Server:HostReportSeconds must not be negative.")
            .Validate(o => o.ShutdownTimeoutSeconds >= 0, "Server:ShutdownTimeoutSeconds must not be negative.")
            .Validate(o => string.IsNullOrEmpty(o.TlsCertificate) || File.Exists(o.TlsCertificate), "Server:TlsCertificate names no file.")
            .Validate(o => string.IsNullOrEmpty(o.TlsKey) || File.Exists(o.TlsKey), "Server:TlsKey names no file.")
            .Validate(o => string.IsNullOrEmpty(o.TlsKey) || !string.IsNullOrEmpty(o.TlsCertificate), "Server:TlsKey needs Server:TlsCertificate.")
            .ValidateOnStart();
        // SIGTERM: Kestrel stops accepting and waits this long for requests in flight.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout =
            TimeSpan.FromSeconds(builder.Configuration.GetValue($"{ServerOptions.Section}:{nameof(ServerOptions.ShutdownTimeoutSeconds)}", 30)));
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section)
            .Validate(o => o.AllowDefaultSecrets || !o.UsesDefaultSecrets,
                "Cluster:HashPathPrefix and HashPathSuffix (or BackendSecret) are still the shipped 'changeme' values: set them to long random " +
                "strings in cloudfs.json, the same on every node, before the first start (or Cluster:AllowDefaultSecrets=true on a development cluster).")
            .ValidateOnStart();

        // Built now so a bad policy list stops the start with Swift's reason, as Swift's servers do.
        var policies = StoragePolicyTable.Create(
            builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>()?.StoragePolicies);
        builder.Services.AddSingleton(policies);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplayGuard>();
        builder.Services.AddSingleton(sp =>
            NodeIdentity.LoadOrCreate(sp.GetRequiredService<IOptions<ServerOptions>>().Value.DataDir));
        builder.Services.AddSingleton(sp => new ServerInfo(role, sp.GetRequiredService<NodeIdentity>(), configPath,
            sp.GetRequiredService<TimeProvider>()));

        builder.Services.AddReceiveBlockPool();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var server = context.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
            kestrel.AddServerHeader = false;

            // Kestrel's default of 100 headers is less than 90 metadata items and the rest of a request.
            kestrel.Limits.MaxRequestHeaderCount = Contracts.SwiftLimits.MaxHeaderCount;

            // Swift metadata values may be UTF-8; Kestrel would refuse them (500) as non-ASCII.
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
            kestrel.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
            var certificate = TlsCertificate.Load(server);
            kestrel.Listen(IPAddress.Parse(server.Bind), server.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        return builder;
    }

    /// <summary>Transaction ids, request log, error handling, role servers' signature check, /healthcheck, /recon and /metrics.</summary>
    public static WebApplication UseCloudFsDefaults(this WebApplication app)
    {
        // Resolve the node id now so a bad data dir fails the start, not the first request.
        var info = app.Services.GetRequiredService<ServerInfo>();
        app.UseMiddleware<TransactionIdMiddleware>(info.Role);
        app.UseMiddleware<RequestLogMiddleware>();
        if (info.Role != ServerRole.Proxy)
        {
            // Role servers trust only the cluster; the proxy's public port checks tokens instead.
            app.UseMiddleware<BackendTrustMiddleware>();
        }

        app.MapHealthEndpoints();
        app.MapCloudFsMetrics();
        return app;
    }

    private static void AddConfiguration(ConfigurationManager config, ServerRole role, string? configPath, string[] rest)
    {
        config.Sources.Clear();
        config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ServerOptions.Section}:{nameof(ServerOptions.Port)}"] = role.DefaultPort().ToString(),
            [$"{ServerOptions.Section}:{nameof(ServerOptions.DataDir)}"] = Path.Combine("var", role.Name()),
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:System.Net.Http"] = "Warning",
        });
        if (configPath is not null)
        {
            var directory = Path.GetDirectoryName(configPath)!;
            config.AddJsonFile(Path.Combine(directory, ClusterFileName), optional: true, reloadOnChange: false);
            config.AddJsonFile(configPath, optional: false, reloadOnChange: false);
        }

        config.AddEnvironmentVariables(EnvironmentPrefix);
        config.AddCommandLine(rest);
    }

    /// <summary>
    /// Console logs, one line per entry, as text (default) or, with <c>Logging:Format=json</c>, one
    /// JSON object per line for log shippers. Either way the scope carries the X-Trans-Id, so
    /// every line, errors above all, can be traced.
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration config)
    {
        logging.ClearProviders();

        // The X-Trans-Id scope is what ties a request's lines together; the W3C span, trace and
        // parent ids the host adds by default belong to no exported trace and made every line
        // about 90 bytes longer.
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
        var format = config["Logging:Format"] ?? "text";
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
            WriteConsoleInBatches(logging);
            return;
        }

        if (!string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Logging:Format must be text or json, not '{format}'.");
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        WriteConsoleInBatches(logging);
    }

    /// <summary>
    /// Keeps the console logger's formatters and options and swaps its provider for one that
    /// writes lines in batches (<see cref="Logging.LineBatch"/>): the stock one woke its writer
    /// thread and made two write calls for every request line, in every role.
    /// </summary>
    private static void WriteConsoleInBatches(ILoggingBuilder logging)
    {
        for (var i = logging.Services.Count - 1; i >= 0; i--)
        {
            if (logging.Services[i].ServiceType == typeof(ILoggerProvider)
                && logging.Services[i].ImplementationType == typeof(Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider))
            {
                logging.Services.RemoveAt(i);
            }
        }

        logging.Services.AddSingleton<ILoggerProvider, Logging.BatchedConsoleLoggerProvider>();
    }
}
