using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// The Go Swift client library's own integration suite (the library rclone is built on) against
/// a cluster, compared per test with what real Swift 2.30.1 passes (tests/Conformance/go-swift-expected.json).
/// </summary>
[Category("E2E")]
public class GoSwiftSuiteTests
{
    private CloudFsCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task GoSwiftSuite_PassesWhatSwiftPasses_ExceptListedPending()
    {
        var expected = GoSwiftExpectation.Load(Path.Combine(RepoPaths.Root, "tests", "Conformance", "go-swift-expected.json"));

        var run = await ToolRunner.RunAsync(Path.Combine(RepoPaths.Root, "scripts", "go-swift-suite.sh"),
            [_cluster.Url("proxy", "/auth/v1.0").ToString(), "test:tester", "testing"], _cluster.Root);

        var results = GoSwiftExpectation.Results(run.Output);
        Assert.That(results, Is.Not.Empty, run.Error);
        var problems = expected.Compare(results);
        Assert.That(problems, Is.Empty, string.Join('\n', problems));
        TestContext.Out.WriteLine($"{results.Count(r => r.Value == "pass")} passed, {expected.Pending.Count} pending, of {expected.SwiftPasses.Count} Swift passes");
    }

    [Test]
    public void Compare_FlagsFailuresAndPendingThatPass()
    {
        var expected = new GoSwiftExpectation(["TestA", "TestB", "TestC", "TestD"], new Dictionary<string, string> { ["TestC"] = "later", ["TestD"] = "later" });
        var results = new Dictionary<string, string> { ["TestA"] = "pass", ["TestB"] = "fail", ["TestC"] = "pass", ["TestD"] = "fail" };

        var problems = expected.Compare(results);

        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.StartWith("TestB: fail"));
        Assert.That(problems[1], Does.StartWith("TestC passes now: remove it from pending"));
    }
}
