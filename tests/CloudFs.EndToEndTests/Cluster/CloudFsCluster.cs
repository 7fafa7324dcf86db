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

    /// <summary>Signs its requests (<see cref="SignedHttp"/>), so it may call role servers directly too.</summary>
    public HttpClient Http { get; } = SignedHttp.Create();

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

    public Task WaitHealthyAsync(string role) => ServerHealth.WaitAsync(Http, Url(role, "/healthcheck"), _servers[role], role);

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

    private Task RingCliAsync(string role, params string[] args) => RingTool.RunAsync(RingDir, role, args);

    private void WriteConfigs()
    {
        RoleConfigFiles.WriteClusterFile(EtcDir, _policies);
        for (var number = 1; number <= ObjectAddresses.Count; number++)
        {
            foreach (var policy in _policies)
            {
                Directory.CreateDirectory(Path.Combine(DevicesRoot(number), PolicyDevice(policy.Index)));
            }
        }

        foreach (var (role, (_, _, port)) in Roles)
        {
            var config = RoleConfigFiles.Server(Address, port, Root, role, RingDir);
            if (role is "account" or "container")
            {
                config["Catalog"] = RoleConfigFiles.Catalog(_mySqlConnectionString, SqlitePath);
            }

            if (role == "account")
            {
                config["Bootstrap"] = RoleConfigFiles.Bootstrap(AdminPassword, _users);
            }

            if (role == "object")
            {
                config["ObjectServer"] = RoleConfigFiles.ObjectServer(DevicesRoot());
            }

            RoleConfigFiles.Write(ConfigPath(role), config);
        }

        foreach (var role in ExtraObjectRoles)
        {
            var i = ExtraObjectIndex(role)!.Value;
            Directory.CreateDirectory(Path.Combine(DevicesRoot(i), "d1"));
            var config = RoleConfigFiles.Server(ObjectAddresses[i - 1], Roles["object"].Port, Root, role, RingDir);
            config["ObjectServer"] = RoleConfigFiles.ObjectServer(DevicesRoot(i));
            RoleConfigFiles.Write(ConfigPath(role), config);
        }
    }
}
