using System.Globalization;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A CloudFs cluster of real processes on several storage hosts, each its own loopback
/// address running an account, a container and an object server (7011-7013, own devices),
/// with one proxy on the first host (7010) and the catalog on MariaDB. The three rings have
/// up to 3 replicas, one zone per host, part power 8 and min_part_hours 0, so a test may
/// rebalance twice in a row. Tests kill and restart single servers, wipe devices, add and
/// remove hosts (the rings are rewritten in place; the servers look every second).
/// </summary>
public sealed class MultiHostCluster : IAsyncDisposable
{
    public const int PartPower = 8;

    /// <summary>Set (to anything) to keep the cluster's directory, logs included, after the test, to see what happened.</summary>
    public const string KeepVariable = "CLOUDFS_E2E_KEEP";

    private static readonly string[] HostRoles = ["account", "container", "object"];

    private readonly string _connectionString;
    private readonly Func<int, string>? _hostCatalog;
    private readonly int _devicesPerHost;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _settings;
    private readonly Dictionary<(string Role, int Host), ServerProcess> _servers = [];
    private readonly List<ClusterHost> _hosts = [];

    /// <param name="mySqlConnectionString">The catalog database (a <see cref="PrivateMariaDb"/> one, or a <see cref="TestMariaDb"/>).</param>
    /// <param name="hosts">Storage hosts to start with.</param>
    /// <param name="devicesPerHost">Devices of each object server (d1, d2, ...), each its own ring device.</param>
    /// <param name="hostCatalog">The catalog connection string of host N's account and container servers, when hosts differ (Galera: each its own node first).</param>
    /// <param name="settings">
    /// Extra config keys per role ("proxy", "account", "container", "object"), e.g.
    /// ["object"] = { ["ObjectServer:GarbageIntervalSeconds"] = "2" }, written into that role's
    /// JSON config on every host (also hosts added later).
    /// </param>
    public MultiHostCluster(string mySqlConnectionString, int hosts = 3, int devicesPerHost = 1,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? settings = null, string adminPassword = "admin-secret",
        Func<int, string>? hostCatalog = null)
    {
        _connectionString = mySqlConnectionString;
        _hostCatalog = hostCatalog;
        _devicesPerHost = devicesPerHost;
        _settings = settings ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        AdminPassword = adminPassword;
        Root = Directory.CreateTempSubdirectory("cloudfs-hosts-").FullName;
        Replicas = Math.Min(3, hosts);
        Blobs = new ClusterBlobs(this, mySqlConnectionString);
        Directory.CreateDirectory(RingDir);
        for (var i = 0; i < hosts; i++)
        {
            NewHost();
        }

        WriteProxyConfig();
    }

    public string Root { get; }

    public string RingDir => Path.Combine(Root, "rings");

    public string AdminPassword { get; }

    public int Replicas { get; }

    /// <summary>Every host ever started, removed ones included (see <see cref="ClusterHost.InRings"/>).</summary>
    public IReadOnlyList<ClusterHost> Hosts => _hosts;

    /// <summary>The proxy's address: the first host's.</summary>
    public string ProxyAddress => _hosts[0].Address;

    /// <summary>Signs its requests (<see cref="SignedHttp"/>), so it may call role servers directly too.</summary>
    public HttpClient Http { get; } = SignedHttp.Create();

    /// <summary>Where blobs are and should be: the object ring, primaries, paths, .data files; wiping a device.</summary>
    public ClusterBlobs Blobs { get; }

    public ClusterHost Host(int number) => _hosts[number - 1];

    /// <summary>A role server's URL: the proxy's (host is ignored), or the role on that host.</summary>
    public Uri Url(string role, int host, string path = "/") =>
        new($"http://{(role == "proxy" ? ProxyAddress : Host(host).Address)}:{CloudFsCluster.Roles[role].Port}{path}");

    public Uri ProxyUrl(string path = "/") => Url("proxy", 1, path);

    /// <summary>Entries waiting in every account server's journal (the sum of their /recon/journal "pending").</summary>
    public Task<long> JournalDepthAsync() => JournalSumAsync("pending");

    /// <summary>Entries every account server has journaled since it started.</summary>
    public Task<long> JournaledAsync() => JournalSumAsync("journaled_since_start");

    private async Task<long> JournalSumAsync(string field)
    {
        long total = 0;
        foreach (var host in Hosts)
        {
            var body = await Http.GetStringAsync(Url("account", host.Number, "/recon/journal"));
            total += (long)System.Text.Json.Nodes.JsonNode.Parse(body)![field]!;
        }

        return total;
    }

    /// <summary>Blob temp files being written on every object server ({device}/tmp/*): uploads in flight.</summary>
    public int TempFiles() =>
        Hosts.SelectMany(h => h.Devices.Select(d => Path.Combine(h.DevicePath(d), "tmp")))
            .Where(Directory.Exists).Sum(dir => Directory.EnumerateFiles(dir).Count());

    public ServerProcess Server(string role, int host) => _servers[(role, role == "proxy" ? 1 : host)];

    /// <summary>Builds the rings and starts every server at once (as a real deployment would), then waits until all are healthy.</summary>
    public async Task StartAsync()
    {
        await Task.WhenAll(HostRoles.Select(BuildRingAsync));
        var all = _hosts.SelectMany(h => HostRoles.Select(role => (role, h.Number))).Append(("proxy", 1)).ToList();
        foreach (var (role, host) in all)
        {
            Start(role, host);
        }

        await Task.WhenAll(all.Select(s => WaitHealthyAsync(s.Item1, s.Item2)));
    }

    /// <summary>Starts (or starts again, on the same config, data and devices) one role server.</summary>
    public void Start(string role, int host)
    {
        var key = (role, role == "proxy" ? 1 : host);
        if (_servers.Remove(key, out var old))
        {
            old.Dispose();
        }

        _servers[key] = ServerProcess.Start(CloudFsCluster.Roles[role].Project, ConfigPath(role, key.Item2), Host(key.Item2).Root);
    }

    /// <summary>kill -9 of one role server; <see cref="Start"/> brings it back.</summary>
    public void Kill(string role, int host) => Server(role, host).Kill();

    public async Task RestartAsync(string role, int host)
    {
        Kill(role, host);
        Start(role, host);
        await WaitHealthyAsync(role, host);
    }

    public Task WaitHealthyAsync(string role, int host) =>
        ServerHealth.WaitAsync(Http, Url(role, host, "/healthcheck"), Server(role, host), $"{role} on {Host(host)}");

    /// <summary>
    /// A new host (the next loopback address) with its three servers started, then its devices
    /// added to every ring and rebalanced: data starts moving to it as the servers see the rings.
    /// </summary>
    public async Task<ClusterHost> AddHostAsync()
    {
        var host = NewHost();
        foreach (var role in HostRoles)
        {
            Start(role, host.Number);
        }

        await Task.WhenAll(HostRoles.Select(role => WaitHealthyAsync(role, host.Number)));
        foreach (var role in HostRoles)
        {
            await RingTool.RunAsync(RingDir, role, ["add", .. DeviceArgs(role, host)]);
            await RingTool.RunAsync(RingDir, role, "rebalance");
        }

        return host;
    }

    /// <summary>
    /// Takes a host's devices out of every ring and rebalances; its servers keep running, as its
    /// data still has to be handed over. <see cref="StopHost"/> ends them later.
    /// </summary>
    public async Task RemoveHostAsync(int number)
    {
        var host = Host(number);
        foreach (var role in HostRoles)
        {
            foreach (var device in RingDevices(role, host))
            {
                await RingTool.RunAsync(RingDir, role, "remove", $"{host.Address}:{CloudFsCluster.Roles[role].Port}/{device}", "--yes");
            }

            await RingTool.RunAsync(RingDir, role, "rebalance");
        }

        host.InRings = false;
    }

    /// <summary>Stops every server of a host (the proxy too, on host 1).</summary>
    public void StopHost(int number)
    {
        foreach (var key in _servers.Keys.Where(k => k.Host == number).ToList())
        {
            _servers.Remove(key, out var server);
            server!.Dispose();
        }
    }

    /// <summary>The cloudfs admin CLI as admin:admin against the proxy.</summary>
    public Task<ToolRunner.Result> CliAsync(params string[] args) =>
        ToolRunner.RunAsync("dotnet", [CliDll, "-A", ProxyUrl("/auth/v1.0").ToString(), "-U", "admin:admin", "-K", AdminPassword, .. args]);

    /// <summary><c>cloudfs fsck</c> with these options (e.g. "--grace", "0"): its output (the JSON summary last) and exit code.</summary>
    public Task<ToolRunner.Result> FsckAsync(params string[] args) => CliAsync(["fsck", .. args]);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            server.Dispose();
        }

        _servers.Clear();
        Http.Dispose();
        await Task.Yield();
        if (Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 })
        {
            await TestContext.Out.WriteLineAsync($"{KeepVariable} is set: the cluster's configs, logs and devices stay in {Root}");
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static string CliDll => Path.Combine(RepoPaths.Root, "Cli", "bin", RepoPaths.Configuration, "net10.0", "cloudfs.dll");

    private string ConfigPath(string role, int host) => Path.Combine(Host(host).EtcDir, CloudFsCluster.Roles[role].ConfigName);

    private ClusterHost NewHost()
    {
        var number = _hosts.Count + 1;
        var host = new ClusterHost(number, LoopbackAddresses.Next(), Path.Combine(Root, "host" + number.ToString(CultureInfo.InvariantCulture)), _devicesPerHost);
        _hosts.Add(host);
        foreach (var device in host.Devices)
        {
            Directory.CreateDirectory(host.DevicePath(device));
        }

        RoleConfigFiles.WriteClusterFile(host.EtcDir, []);
        foreach (var role in HostRoles)
        {
            var config = RoleConfigFiles.Server(host.Address, CloudFsCluster.Roles[role].Port, host.Root, role, RingDir);
            switch (role)
            {
                case "account":
                    config["Catalog"] = RoleConfigFiles.Catalog(_hostCatalog?.Invoke(number) ?? _connectionString, "");
                    config["Bootstrap"] = RoleConfigFiles.Bootstrap(AdminPassword, [("test:tester", "testing", "owner")]);
                    break;
                case "container":
                    config["Catalog"] = RoleConfigFiles.Catalog(_hostCatalog?.Invoke(number) ?? _connectionString, "");
                    break;
                default:
                    config["ObjectServer"] = RoleConfigFiles.ObjectServer(host.DevicesRoot);
                    break;
            }

            RoleConfigFiles.Write(ConfigPath(role, number), RoleConfigFiles.Apply(config, SettingsFor(role)));
        }

        return host;
    }

    private void WriteProxyConfig()
    {
        var host = _hosts[0];
        var config = RoleConfigFiles.Server(host.Address, CloudFsCluster.Roles["proxy"].Port, host.Root, "proxy", RingDir);
        RoleConfigFiles.Write(ConfigPath("proxy", 1), RoleConfigFiles.Apply(config, SettingsFor("proxy")));
    }

    // Rings are checked every second so a rebalance reaches every server at once; the account
    // servers hand out the proxy's address in X-Storage-Url. A test's own settings win.
    private Dictionary<string, string> SettingsFor(string role)
    {
        var settings = new Dictionary<string, string> { ["Server:RingCheckSeconds"] = "1" };
        if (role == "account")
        {
            settings["AccountServer:PublicUrl"] = $"http://{ProxyAddress}:{CloudFsCluster.Roles["proxy"].Port}";
        }

        foreach (var (key, value) in _settings.GetValueOrDefault(role) ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private IEnumerable<string> RingDevices(string role, ClusterHost host) => role == "object" ? host.Devices : ["d1"];

    private string[] DeviceArgs(string role, ClusterHost host) =>
        [.. RingDevices(role, host).SelectMany(device => new[] { $"r1z{host.Zone}-{host.Address}:{CloudFsCluster.Roles[role].Port}/{device}", "100" })];

    private async Task BuildRingAsync(string role)
    {
        await RingTool.RunAsync(RingDir, role, "create", PartPower.ToString(CultureInfo.InvariantCulture), Replicas.ToString(CultureInfo.InvariantCulture), "0");
        await RingTool.RunAsync(RingDir, role, ["add", .. _hosts.SelectMany(h => DeviceArgs(role, h))]);
        await RingTool.RunAsync(RingDir, role, "rebalance", "--seed", "1");
    }
}
