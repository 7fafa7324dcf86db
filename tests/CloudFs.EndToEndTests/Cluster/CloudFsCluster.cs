using System.Text.Json.Nodes;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A whole CloudFs cluster of real processes on one loopback address: proxy, account,
/// container and object server, each with its own config file in a scratch etc/ dir, all
/// sharing one catalog (a SQLite file, or a MariaDB database when a connection string is given).
/// </summary>
public sealed class CloudFsCluster : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, (string Project, string ConfigName, int Port)> Roles =
        new Dictionary<string, (string, string, int)>
        {
            ["proxy"] = ("Proxy", "proxy-server.json", 7010),
            ["account"] = ("AccountServer", "account-server.json", 7011),
            ["container"] = ("ContainerServer", "container-server.json", 7012),
            ["object"] = ("ObjectServer", "object-server.json", 7013),
        };

    private readonly Dictionary<string, ServerProcess> _servers = [];
    private readonly string? _mySqlConnectionString;

    public CloudFsCluster(string? mySqlConnectionString = null, string adminPassword = "admin-secret")
    {
        _mySqlConnectionString = mySqlConnectionString;
        Address = LoopbackAddresses.Next();
        Root = Directory.CreateTempSubdirectory("cloudfs-e2e-").FullName;
        AdminPassword = adminPassword;
        Directory.CreateDirectory(EtcDir);
        Directory.CreateDirectory(Path.Combine(Root, "devices", "d1"));
        WriteConfigs();
    }

    public string Address { get; }

    public string Root { get; }

    public string AdminPassword { get; }

    public string EtcDir => Path.Combine(Root, "etc");

    public string SqlitePath => Path.Combine(Root, "catalog.db");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Url(string role, string path = "/") => new($"http://{Address}:{Roles[role].Port}{path}");

    public string ConfigPath(string role) => Path.Combine(EtcDir, Roles[role].ConfigName);

    public ServerProcess Server(string role) => _servers[role];

    /// <summary>Starts every role at once (as a real deployment would) and waits until all are healthy.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        foreach (var role in Roles.Keys)
        {
            Start(role, environment);
        }

        await Task.WhenAll(Roles.Keys.Select(WaitHealthyAsync));
    }

    public void Start(string role, IReadOnlyDictionary<string, string>? environment = null)
    {
        _servers[role] = ServerProcess.Start(Roles[role].Project, ConfigPath(role), Root, environment);
    }

    public void Stop(string role)
    {
        if (_servers.Remove(role, out var server))
        {
            server.Dispose();
        }
    }

    public async Task WaitHealthyAsync(string role)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var server = _servers[role];
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{role} server exited:\n{server.ReadLog()}");
            }

            try
            {
                using var response = await Http.GetAsync(Url(role, "/healthcheck"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{role} server not healthy within 60 s:\n{server.ReadLog()}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var role in _servers.Keys.ToList())
        {
            Stop(role);
        }

        Http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private void WriteConfigs()
    {
        File.WriteAllText(Path.Combine(EtcDir, "cloudfs.json"), new JsonObject
        {
            ["Cluster"] = new JsonObject { ["HashPathPrefix"] = "e2e-prefix", ["HashPathSuffix"] = "e2e-suffix" },
        }.ToJsonString());

        var catalog = _mySqlConnectionString is null
            ? new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = $"Data Source={SqlitePath}" }
            : new JsonObject { ["Provider"] = "MySql", ["ConnectionString"] = _mySqlConnectionString };

        foreach (var (role, (_, configName, port)) in Roles)
        {
            var config = new JsonObject
            {
                ["Server"] = new JsonObject
                {
                    ["Bind"] = Address,
                    ["Port"] = port,
                    ["DataDir"] = Path.Combine(Root, "var", role),
                    ["RingDir"] = Path.Combine(Root, "rings"),
                    ["DisablePath"] = Path.Combine(Root, $"disable-{role}"),
                },
            };
            if (role is "account" or "container")
            {
                config["Catalog"] = catalog.DeepClone();
            }

            if (role == "account")
            {
                config["Bootstrap"] = new JsonObject
                {
                    ["AdminPassword"] = AdminPassword,
                    ["Users"] = new JsonArray(new JsonObject { ["User"] = "test:tester", ["Key"] = "testing", ["Type"] = "owner" }),
                };
            }

            if (role == "object")
            {
                config["ObjectServer"] = new JsonObject { ["DevicesRoot"] = Path.Combine(Root, "devices") };
            }

            File.WriteAllText(ConfigPath(role), config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
