using System.Security.Cryptography;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// The RPM that rpm/build.sh makes (scripts/test.sh builds it before the suites run), unpacked
/// into a scratch root: its units are Type=notify and hardened, and the four roles started with
/// the units' ExecStart lines and the packaged /etc/cloudfs configs serve a swift CLI round trip,
/// say READY=1 and, on SIGTERM, STOPPING=1 and a clean exit within TimeoutStopSec. Paths under
/// /usr/lib/cloudfs and /etc/cloudfs are mapped into the scratch root; where the packaged configs
/// name machine paths (/var/lib/cloudfs, /srv/cloudfs) or 127.0.0.1, environment settings move
/// them, as an operator's drop-in would.
/// </summary>
[Category("E2E")]
public class RpmPayloadTests
{
    private static readonly string[] RoleNames = ["account", "container", "object", "proxy"];
    private static readonly Dictionary<string, int> Ports = new() { ["proxy"] = 7010, ["account"] = 7011, ["container"] = 7012, ["object"] = 7013 };

    private string _root = null!;
    private readonly List<SystemdStandIn> _services = [];

    [SetUp]
    public void CreateScratch() => _root = Directory.CreateTempSubdirectory("cloudfs-rpm-").FullName;

    [TearDown]
    public void CleanUp()
    {
        foreach (var service in _services)
        {
            service.Dispose();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task Payload_FromItsUnitsAndConfigs_ServesASwiftRoundTrip_AndStopsCleanly()
    {
        var rpm = Directory.Exists(Path.Combine(RepoPaths.Root, "rpm", "out"))
            ? Directory.GetFiles(Path.Combine(RepoPaths.Root, "rpm", "out"), "cloudfs-*.rpm").OrderBy(File.GetLastWriteTimeUtc).LastOrDefault()
            : null;
        Assert.That(rpm, Is.Not.Null, "no RPM in rpm/out: run rpm/build.sh first (scripts/test.sh does)");
        var unpack = await ToolRunner.RunAsync("bash", ["-c", $"rpm2cpio '{rpm}' | cpio -idm --quiet"], _root);
        Assert.That(unpack.ExitCode, Is.Zero, unpack.ToString());

        var units = RoleNames.ToDictionary(r => r, r => File.ReadAllText(Path.Combine(_root, "usr/lib/systemd/system", $"cloudfs-{r}.service")));
        foreach (var (role, unit) in units)
        {
            Assert.That(unit, Does.Contain("\nType=notify\n").And.Contain("\nTimeoutStopSec=").And.Contain("\nProtectSystem=strict\n")
                .And.Contain("\nNoNewPrivileges=true\n").And.Contain("\nPrivateTmp=true\n").And.Contain("\nReadWritePaths=")
                .And.Contain("\nEnvironment=DOTNET_TC_CallCountingDelayMs=0\n"), role);
        }

        // The operator's first steps: real hash-path secrets (the packaged placeholders are refused) and rings.
        var etc = Path.Combine(_root, "etc/cloudfs");
        var clusterFile = Path.Combine(etc, "cloudfs.json");
        var text = await File.ReadAllTextAsync(clusterFile);
        Assert.That(text, Does.Contain("changeme-prefix"));
        await File.WriteAllTextAsync(clusterFile, text
            .Replace("changeme-prefix", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), StringComparison.Ordinal)
            .Replace("changeme-suffix", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), StringComparison.Ordinal)
            .Replace("changeme-backend-secret", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), StringComparison.Ordinal));
        var address = LoopbackAddresses.Next();
        var rings = Path.Combine(etc, "rings");
        foreach (var ring in new[] { "account", "container", "object" })
        {
            await RingAsync(rings, ring, "create", "8", "1", "1");
            await RingAsync(rings, ring, "add", $"r1z1-{address}:{Ports[ring]}/d1", "100");
            await RingAsync(rings, ring, "rebalance", "--seed", "1");
        }

        Directory.CreateDirectory(Path.Combine(_root, "srv/cloudfs/devices/d1"));
        var state = Path.Combine(_root, "var/lib/cloudfs");
        foreach (var role in RoleNames)
        {
            var command = ExecStart(units[role]).Select(MapIntoRoot).ToList();
            command[0] = "dotnet"; // /usr/bin/dotnet on an RPM host; the SDK's here.
            var service = SystemdStandIn.Start(_root, role, command, new Dictionary<string, string>
            {
                ["CLOUDFS_Server__Bind"] = address,
                ["CLOUDFS_Server__DataDir"] = Path.Combine(state, role),
                ["CLOUDFS_Server__RingDir"] = rings,
                ["CLOUDFS_Catalog__ConnectionString"] = $"Data Source={Path.Combine(state, "catalog.db")}",
                ["CLOUDFS_ObjectServer__DevicesRoot"] = Path.Combine(_root, "srv/cloudfs/devices"),
                // A scratch directory is no mount point; the packaged config checks mounts.
                ["CLOUDFS_ObjectServer__MountCheck"] = "false",
            });
            _services.Add(service);
        }

        foreach (var service in _services)
        {
            await service.WaitForNotificationAsync("READY=1", TimeSpan.FromMinutes(2));
        }

        // No users are configured in the package: the cluster admin's generated password is in a private file.
        var password = (await File.ReadAllTextAsync(Path.Combine(state, "account", "admin-password"))).Trim();
        var body = new byte[200_000];
        Random.Shared.NextBytes(body);
        await File.WriteAllBytesAsync(Path.Combine(_root, "payload.bin"), body);
        var auth = $"http://{address}:7010/auth/v1.0";
        var upload = await ToolRunner.RunAsync("swift", ["-A", auth, "-U", "admin:admin", "-K", password, "upload", "packaged", "payload.bin"], _root);
        Assert.That(upload.ExitCode, Is.Zero, $"{upload}\n{string.Join("\n", _services.Select(s => s.Output))}");
        var download = await ToolRunner.RunAsync("swift", ["-A", auth, "-U", "admin:admin", "-K", password, "download", "packaged", "payload.bin", "-o", "back.bin"], _root);
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(_root, "back.bin")), Is.EqualTo(body));

        // The web console is in the payload, beside the proxy, and served from there.
        var console = await ToolRunner.RunAsync("curl", ["-s", $"http://{address}:7010/console/"], _root);
        Assert.That(console.Output, Does.Contain("/console/assets/"), console.ToString());

        // systemctl stop: SIGTERM, STOPPING=1, exit 0 well within TimeoutStopSec.
        foreach (var service in _services.AsEnumerable().Reverse())
        {
            service.Terminate();
            Assert.That(await service.WaitForExitAsync(TimeSpan.FromSeconds(45)), Is.True, service.Output);
            Assert.That(service.ExitCode, Is.Zero, service.Output);
            Assert.That(service.Notifications().SelectMany(n => n.Split('\n')), Does.Contain("STOPPING=1"));
        }
    }

    private static string[] ExecStart(string unit) =>
        unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string MapIntoRoot(string part) =>
        part.StartsWith("/usr/lib/cloudfs/", StringComparison.Ordinal) || part.StartsWith("/etc/cloudfs/", StringComparison.Ordinal)
            ? Path.Combine(_root, part.TrimStart('/'))
            : part;

    private async Task RingAsync(string ringDir, string ring, params string[] args)
    {
        var result = await ToolRunner.RunAsync("dotnet",
            [Path.Combine(_root, "usr/lib/cloudfs/ring/cloudfs-ring.dll"), Path.Combine(ringDir, ring + ".builder"), .. args], _root);
        Assert.That(result.ExitCode, Is.LessThanOrEqualTo(1), result.ToString());
    }
}
