using System.Net;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary><c>cloudfs fsck</c>'s exit status, which scripts rely on: 0 clean, 1 when a replica is missing or was left so.</summary>
[Category("E2E")]
public class FsckExitCodeTests
{
    [Test]
    public async Task Fsck_ExitStatus_SaysWhetherEveryReplicaIsThere()
    {
        await using var cluster = new CloudFsCluster(objectReplicas: 3);
        await cluster.StartAsync();
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        (await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token)).Dispose();
        for (var i = 0; i < 3; i++)
        {
            using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/o{i}", token, new StringContent($"body {i}"));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var clean = await FsckAsync(cluster);
        Assert.That(clean.ExitCode, Is.Zero, clean.ToString());
        Assert.That(clean.Output, Does.Contain("\"clean\":true"));

        File.Delete(ProxyHttp.BlobFiles(cluster)[0]);
        var missing = await FsckAsync(cluster);
        Assert.That(missing.ExitCode, Is.EqualTo(1), missing.ToString());
        Assert.That(missing.Output, Does.Contain("missing: blob"), "the report is as before");
        Assert.That(missing.Error, Does.Contain("problems found"));

        var repaired = await FsckAsync(cluster, "--repair");
        Assert.That(repaired.ExitCode, Is.Zero, "everything found was repaired: " + repaired);
        var after = await FsckAsync(cluster);
        Assert.That(after.ExitCode, Is.Zero, after.ToString());

        // A replica nobody can ask is not known to be there.
        cluster.Stop("object3");
        var down = await FsckAsync(cluster);
        Assert.That(down.ExitCode, Is.EqualTo(1), down.ToString());
    }

    [Test]
    public async Task FsckHelp_DocumentsTheExitStatus()
    {
        var help = await ToolRunner.RunAsync("dotnet", [CliDll, "fsck", "--help"]);

        Assert.That(help.Output, Does.Contain("Exit status: 0"));
    }

    private static string CliDll => Path.Combine(RepoPaths.Root, "Cli", "bin", RepoPaths.Configuration, "net10.0", "cloudfs.dll");

    private static Task<ToolRunner.Result> FsckAsync(CloudFsCluster cluster, params string[] args) =>
        ToolRunner.RunAsync("dotnet", [CliDll, "-A", cluster.Url("proxy", "/auth/v1.0").ToString(), "-U", "admin:admin", "-K", cluster.AdminPassword,
            "fsck", "--grace", "0", .. args]);
}
