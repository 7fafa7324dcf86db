using System.Security.Cryptography;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>The cloudfs admin CLI against a real cluster, and import checked with the swift CLI.</summary>
[Category("E2E")]
public class AdminCliTests
{
    private CloudFsCluster _cluster = null!;
    private string _scratch = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _scratch = Directory.CreateTempSubdirectory("cloudfs-cli-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Test]
    public async Task User_CreateListDisableDelete()
    {
        var created = await CliAsync("user", "create", "team:reader", "--key", "pw", "--type", "member");
        var listed = await CliAsync("--json", "user", "list", "--account", "team");
        var disabled = await CliAsync("user", "disable", "team:reader");
        var login = await ToolRunner.SwiftAsUserAsync(_cluster, "team:reader", "pw", null, "stat");
        var deleted = await CliAsync("user", "delete", "team:reader");

        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        Assert.That(listed.Output, Does.Contain("\"team:reader\"").And.Contain("\"member\""));
        Assert.That(disabled.Output, Does.Contain("disabled"));
        Assert.That(login.ExitCode, Is.Not.Zero, "a disabled user cannot log in");
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
    }

    [Test]
    public async Task SettingAndFirewallList_Work()
    {
        var before = await CliAsync("setting", "list");
        var set = await CliAsync("setting", "set", "self_registration", "true");
        var after = await CliAsync("setting", "list");
        var refused = await CliAsync("setting", "set", "self_registration", "maybe");
        await CliAsync("setting", "set", "self_registration", "false");
        await ToolRunner.SwiftAsync(_cluster, null, "post", "walled");
        await CliAsync("firewall", "disable", "AUTH_test/walled");
        var listed = await CliAsync("firewall", "list", "--account", "AUTH_test");
        await CliAsync("firewall", "enable", "AUTH_test/walled");

        Assert.Multiple(() =>
        {
            Assert.That(before.Output, Does.Contain("self_registration = false"), before.ToString());
            Assert.That(set.ExitCode, Is.Zero, set.ToString());
            Assert.That(after.Output, Does.Contain("self_registration = true"));
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Error, Does.Contain("self_registration takes false or true"));
            Assert.That(listed.Output, Does.Contain("/AUTH_test/walled"), listed.ToString());
        });
    }

    [Test]
    public async Task NotAnAdmin_GetsAClearError()
    {
        var result = await ToolRunner.RunAsync("dotnet", [CliDll, "-A", AuthUrl, "-U", "test:tester", "-K", "testing", "user", "list"]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("403"));
    }

    [Test]
    public async Task QuotaFirewallRecordsUsage_Work()
    {
        await ToolRunner.SwiftAsync(_cluster, null, "post", "q");
        var quota = await CliAsync("quota", "set", "AUTH_test/q", "--count", "1");
        var first = await Upload("q", "one");
        var second = await Upload("q", "two");
        var firewall = await CliAsync("firewall", "disable", "AUTH_test/q");
        var blocked = await ToolRunner.SwiftAsync(_cluster, null, "list", "q");
        await CliAsync("firewall", "enable", "AUTH_test/q");
        var records = await CliAsync("records", "AUTH_test", "--path", "/q", "--limit", "10");
        var usage = await CliAsync("usage-check", "AUTH_test");
        var search = await CliAsync("search", "on*", "--account", "AUTH_test");
        var fsck = await CliAsync("fsck", "--account", "AUTH_test");

        Assert.That(quota.ExitCode, Is.Zero, quota.ToString());
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(second.ExitCode, Is.Not.Zero, "the count quota of 1 refuses a second object");
        Assert.That(firewall.ExitCode, Is.Zero, firewall.ToString());
        Assert.That(blocked.ExitCode, Is.Not.Zero, "a disabled container is gone for its owner");
        Assert.That(records.Output, Does.Contain("object.put").And.Contain("firewall.disable"));
        Assert.That(usage.Output, Does.Contain("usage counters match the rows"));
        Assert.That(search.Output, Does.Contain("one"));
        Assert.That(fsck.ExitCode, Is.Zero, fsck.ToString());
        Assert.That(fsck.Output, Does.Contain("\"missing_replicas\":0"));
    }

    [Test]
    public async Task Import_GeneratedTree_DownloadsByteForByteAndResumes()
    {
        var source = Path.Combine(_scratch, "src");
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var path = Path.Combine(source, $"dir{i % 4}", $"sub{i % 3}", $"fïle {i}.bin");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = new byte[random.Next(0, 300_000)];
            random.NextBytes(bytes);
            await File.WriteAllBytesAsync(path, bytes);
        }

        var imported = await CliAsUserAsync("import", source, "imported/tree", "--jobs", "8");
        var again = await CliAsUserAsync("import", source, "imported/tree");
        var target = Path.Combine(_scratch, "dl");
        Directory.CreateDirectory(target);
        var download = await ToolRunner.SwiftAsync(_cluster, target, "download", "imported", "--prefix", "tree/");

        Assert.That(imported.ExitCode, Is.Zero, imported.ToString());
        Assert.That(imported.Output, Does.Contain("imported 40 files"));
        Assert.That(again.Output, Does.Contain("imported 0 files").And.Contain("skipped 40 unchanged"), "a second run resumes: nothing sent again");
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, "tree", Path.GetRelativePath(source, file));
            Assert.That(SHA256.HashData(await File.ReadAllBytesAsync(copy)), Is.EqualTo(SHA256.HashData(await File.ReadAllBytesAsync(file))), copy);
        }
    }

    private static string CliDll => Path.Combine(RepoPaths.Root, "Cli", "bin", RepoPaths.Configuration, "net10.0", "cloudfs.dll");

    private string AuthUrl => _cluster.Url("proxy", "/auth/v1.0").ToString();

    private Task<ToolRunner.Result> CliAsync(params string[] args) =>
        ToolRunner.RunAsync("dotnet", [CliDll, "-A", AuthUrl, "-U", "admin:admin", "-K", _cluster.AdminPassword, .. args]);

    private Task<ToolRunner.Result> CliAsUserAsync(params string[] args) =>
        ToolRunner.RunAsync("dotnet", [CliDll, "-A", AuthUrl, "-U", "test:tester", "-K", "testing", .. args]);

    private async Task<ToolRunner.Result> Upload(string container, string name)
    {
        var file = Path.Combine(_scratch, name);
        await File.WriteAllTextAsync(file, name);
        return await ToolRunner.SwiftAsync(_cluster, _scratch, "upload", container, name);
    }
}
