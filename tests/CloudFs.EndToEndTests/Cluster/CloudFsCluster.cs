using System.Text.Json.Nodes;
using CloudFs.Common.Policies;

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

    private readonly IReadOnlyList<(string User, string Key, string Type)> _users;
    private readonly IReadOnlyList<StoragePolicyConfig> _policies;

    /// <param name="objectReplicas">
    /// Object servers (and object ring replicas): the first on <see cref="Address"/>, the others on
    /// further loopback addresses, each its own zone, as three hosts would be.
    /// </param>
    /// <param name="extraUsers">Bootstrap users besides test:tester (e.g. another account's owner).</param>
    /// <param name="policies">
    /// Cluster:StoragePolicies (none: the single default Policy-0). Policy N gets its own ring,
    /// object-N.ring, on device <see cref="PolicyDevice"/> of every object server.
    /// </param>
    public CloudFsCluster(string? mySqlConnectionString = null, string adminPassword = "admin-secret", int objectReplicas = 1,
        IEnumerable<(string User, string Key, string Type)>? extraUsers = null, IEnumerable<StoragePolicyConfig>? policies = null)
    {
        _mySqlConnectionString = mySqlConnectionString;
        _policies = [.. policies ?? []];
        _users = [("test:tester", "testing", "owner"), .. extraUsers ?? []];
        Address = LoopbackAddresses.Next();
        ObjectAddresses = [Address, .. Enumerable.Range(1, objectReplicas - 1).Select(_ => LoopbackAddresses.Next())];
        Root = Directory.CreateTempSubdirectory("cloudfs-e2e-").FullName;
        AdminPassword = adminPassword;
        Directory.CreateDirectory(EtcDir);
        Directory.CreateDirectory(Path.Combine(Root, "devices", "d1"));
        WriteConfigs();
    }

    /// <summary>Where the object servers listen (port 7013 each); the first is <see cref="Address"/>.</summary>
    public IReadOnlyList<string> ObjectAddresses { get; }

    public string RingDir => Path.Combine(Root, "rings");

    /// <summary>The device of policy N's ring on each object server: d1 for policy 0, d{N+1} for N.</summary>
    public static string PolicyDevice(int policyIndex) => "d" + (policyIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The devices root of object server <paramref name="number"/> (1: the one on <see cref="Address"/>).</summary>
    public string DevicesRoot(int number = 1) => Path.Combine(Root, number == 1 ? "devices" : $"devices{number}");

    /// <summary>Role names of the extra object servers: "object2", "object3", ...</summary>
    public IEnumerable<string> ExtraObjectRoles => Enumerable.Range(2, ObjectAddresses.Count - 1).Select(i => $"object{i}");

    public string Address { get; }

    public string Root { get; }

    public string AdminPassword { get; }

    public string EtcDir => Path.Combine(Root, "etc");

    public string SqlitePath => Path.Combine(Root, "catalog.db");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Url(string role, string path = "/") =>
        ExtraObjectIndex(role) is { } i
            ? new($"http://{ObjectAddresses[i - 1]}:{Roles["object"].Port}{path}")
            : new($"http://{Address}:{Roles[role].Port}{path}");

    public string ConfigPath(string role) =>
        ExtraObjectIndex(role) is { } i ? Path.Combine(EtcDir, $"object-server-{i}.json") : Path.Combine(EtcDir, Roles[role].ConfigName);

    public ServerProcess Server(string role) => _servers[role];

    /// <summary>Starts every role at once (as a real deployment would) and waits until all are healthy.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        await BuildRingsAsync();
        var roles = Roles.Keys.Concat(ExtraObjectRoles).ToList();
        foreach (var role in roles)
        {
            Start(role, environment);
        }

        await Task.WhenAll(roles.Select(WaitHealthyAsync));
    }

    public void Start(string role, IReadOnlyDictionary<string, string>? environment = null)
    {
        var project = ExtraObjectIndex(role) is null ? Roles[role].Project : Roles["object"].Project;
        _servers[role] = ServerProcess.Start(project, ConfigPath(role), Root, environment);
    }

    /// <summary>
    /// Builds the three rings with the cloudfs-ring CLI (once): one replica of the account and
    /// container rings on <see cref="Address"/>, the object ring over every object server.
    /// </summary>
    public async Task BuildRingsAsync()
    {
        if (File.Exists(Path.Combine(RingDir, "object.ring")))
        {
            return;
        }

        Directory.CreateDirectory(RingDir);
        var devices = ObjectAddresses.SelectMany((address, i) => new[] { $"r1z{i + 1}-{address}:{Roles["object"].Port}/d1", "100" }).ToArray();
        var replicas = ObjectAddresses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Task.WhenAll(
            BuildRingAsync("account", "1", [$"r1z1-{Address}:{Roles["account"].Port}/d1", "100"]),
            BuildRingAsync("container", "1", [$"r1z1-{Address}:{Roles["container"].Port}/d1", "100"]),
            BuildRingAsync("object", replicas, devices));
        foreach (var policy in _policies.Where(p => p.Index != 0))
        {
            var device = PolicyDevice(policy.Index);
            var policyDevices = ObjectAddresses.SelectMany((address, i) => new[] { $"r1z{i + 1}-{address}:{Roles["object"].Port}/{device}", "100" }).ToArray();
            await BuildRingAsync(StoragePolicy.ObjectRingRoleFor(policy.Index), replicas, policyDevices);
        }
    }

    private async Task BuildRingAsync(string role, string replicas, string[] devices)
    {
        await RingCliAsync(role, "create", "8", replicas, "1");
        await RingCliAsync(role, ["add", .. devices]);
        await RingCliAsync(role, "rebalance", "--seed", "1");
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

    private int? ExtraObjectIndex(string role) =>
        role.StartsWith("object", StringComparison.Ordinal) && role.Length > "object".Length
            && int.TryParse(role["object".Length..], out var i) ? i : null;

    private async Task RingCliAsync(string role, params string[] args)
    {
        var dll = Path.Combine(RepoPaths.Root, "RingBuilder", "bin", RepoPaths.Configuration, "net10.0", "cloudfs-ring.dll");
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(Path.Combine(RingDir, role + ".builder"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode > 1)
        {
            throw new InvalidOperationException($"cloudfs-ring {role} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    // The replicator is off unless a test turns it on (CLOUDFS_ObjectServer__Replication__IntervalSeconds):
    // tests that take a replica away on purpose must find it still missing.
    private static JsonObject ObjectServerSection(string devicesRoot) => new()
    {
        ["DevicesRoot"] = devicesRoot,
        ["Replication"] = new JsonObject { ["IntervalSeconds"] = 0 },
    };

    private void WriteConfigs()
    {
        var cluster = new JsonObject { ["HashPathPrefix"] = "e2e-prefix", ["HashPathSuffix"] = "e2e-suffix" };
        if (_policies.Count > 0)
        {
            cluster["StoragePolicies"] = new JsonArray(_policies.Select(p => (JsonNode)new JsonObject
            {
                ["Name"] = p.Name,
                ["Index"] = p.Index,
                ["Default"] = p.Default,
                ["Deprecated"] = p.Deprecated,
                ["Aliases"] = new JsonArray(p.Aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            }).ToArray());
        }

        File.WriteAllText(Path.Combine(EtcDir, "cloudfs.json"), new JsonObject { ["Cluster"] = cluster }.ToJsonString());
        for (var number = 1; number <= ObjectAddresses.Count; number++)
        {
            foreach (var policy in _policies)
            {
                Directory.CreateDirectory(Path.Combine(DevicesRoot(number), PolicyDevice(policy.Index)));
            }
        }


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
                    ["Users"] = new JsonArray(_users.Select(u => (JsonNode)new JsonObject { ["User"] = u.User, ["Key"] = u.Key, ["Type"] = u.Type }).ToArray()),
                };
            }

            if (role == "object")
            {
                config["ObjectServer"] = ObjectServerSection(Path.Combine(Root, "devices"));
            }

            File.WriteAllText(ConfigPath(role), config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }

        foreach (var role in ExtraObjectRoles)
        {
            var i = ExtraObjectIndex(role)!.Value;
            var devices = Path.Combine(Root, $"devices{i}");
            Directory.CreateDirectory(Path.Combine(devices, "d1"));
            var config = new JsonObject
            {
                ["Server"] = new JsonObject
                {
                    ["Bind"] = ObjectAddresses[i - 1],
                    ["Port"] = Roles["object"].Port,
                    ["DataDir"] = Path.Combine(Root, "var", role),
                    ["RingDir"] = RingDir,
                    ["DisablePath"] = Path.Combine(Root, $"disable-{role}"),
                },
                ["ObjectServer"] = ObjectServerSection(devices),
            };
            File.WriteAllText(ConfigPath(role), config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
