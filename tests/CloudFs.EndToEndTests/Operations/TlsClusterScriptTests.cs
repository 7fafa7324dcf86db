using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// scripts/cluster.sh --tls, run as a person runs it: the proxy serves HTTPS with a certificate
/// from a local CA the script makes, and the swift CLI, rclone and curl work over it when given
/// the CA the script names, and refuse the connection when not.
/// </summary>
[Category("E2E")]
[NonParallelizable]
public class TlsClusterScriptTests() : ClusterScriptTestBase("cloudfs-tls")
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    // The one-host cluster binds 127.0.0.1:7010-7013 (run the E2E tests in a private network namespace).
    private const string Address = "127.0.0.1";
    private const string AuthUrl = $"https://{Address}:7010/auth/v1.0";

    [Test]
    public async Task ClusterScript_Tls_SwiftRcloneAndCurlWorkOverHttps_WithTheLocalCa()
    {
        var state = Path.Combine(Root, "state");
        Script = ClusterScript.Start(state, Address, [], "--tls", "--no-build");
        var tryLine = await Script.WaitForLineAsync("Try:", StartTimeout);
        await Script.WaitForLineAsync("Ctrl-C stops the cluster.", StartTimeout);
        var ca = Path.Combine(state, "tls", "ca.pem");
        Assert.That(tryLine, Is.EqualTo($"Try:        swift --os-cacert {ca} -A {AuthUrl} -U test:tester -K testing stat"));
        Assert.That(Script.Output, Does.Contain($"Auth URL:   {AuthUrl}"));

        var body = new byte[300_000];
        Random.Shared.NextBytes(body);
        await File.WriteAllBytesAsync(Path.Combine(Root, "secret.bin"), body);

        // swift CLI: upload, then download through the storage URL the login answered (https too).
        var upload = await SwiftAsync(ca, "upload", "private", "secret.bin");
        Assert.That(upload.ExitCode, Is.Zero, $"{upload}\n{Script.Output}");
        var download = await SwiftAsync(ca, "download", "private", "secret.bin", "-o", "back.bin");
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(Root, "back.bin")), Is.EqualTo(body));
        var stat = await SwiftAsync(ca, "stat", "-v");
        Assert.That(stat.Output, Does.Contain($"https://{Address}:7010/v1/AUTH_test"), stat.ToString());

        // Without the CA the client refuses the server's certificate.
        var untrusted = await ToolRunner.RunAsync("swift", ["-A", AuthUrl, "-U", "test:tester", "-K", "testing", "stat"], Root);
        Assert.That(untrusted.ExitCode, Is.Not.Zero);
        Assert.That(untrusted.Output + untrusted.Error, Does.Contain("CERTIFICATE_VERIFY_FAILED"));

        // rclone's swift backend with the CA.
        var rclone = await ToolRunner.RunAsync("rclone", ["--config", "/dev/null", "--ca-cert", ca, "copyto", "cfs:private/secret.bin", "rclone.bin"], Root,
            new Dictionary<string, string>
            {
                ["RCLONE_CONFIG_CFS_TYPE"] = "swift",
                ["RCLONE_CONFIG_CFS_AUTH"] = AuthUrl,
                ["RCLONE_CONFIG_CFS_USER"] = "test:tester",
                ["RCLONE_CONFIG_CFS_KEY"] = "testing",
            });
        Assert.That(rclone.ExitCode, Is.Zero, rclone.ToString());
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(Root, "rclone.bin")), Is.EqualTo(body));

        // curl with the CA; plain HTTP on the TLS port gets no HTTP answer.
        var curl = await ToolRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", ca, $"https://{Address}:7010/healthcheck"], Root);
        Assert.That(curl.Output, Is.EqualTo("200"), curl.ToString());
        var plain = await ToolRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", $"http://{Address}:7010/healthcheck"], Root);
        Assert.That(plain.Output, Is.Not.EqualTo("200"), plain.ToString());

        // The web console at the address the script prints, over the same TLS.
        Assert.That(Script.Output, Does.Contain($"Console:    https://{Address}:7010/console/"));
        var console = await ToolRunner.RunAsync("curl", ["-s", "--cacert", ca, $"https://{Address}:7010/console/"], Root);
        Assert.That(console.Output, Does.Contain("/console/assets/"), console.ToString());

        await Script.StopAsync(TimeSpan.FromMinutes(2));
    }

    private Task<ToolRunner.Result> SwiftAsync(string ca, params string[] args) =>
        ToolRunner.RunAsync("swift", ["--os-cacert", ca, "-A", AuthUrl, "-U", "test:tester", "-K", "testing", .. args], Root);
}
