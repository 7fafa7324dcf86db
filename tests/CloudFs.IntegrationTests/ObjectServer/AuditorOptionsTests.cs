using CloudFs.ObjectServer;
using CloudFs.ObjectServer.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudFs.IntegrationTests.ObjectServer;

/// <summary>ObjectServer:Auditor is bound and validated as the object server starts.</summary>
public class AuditorOptionsTests
{
    [Test]
    public async Task Build_NoAuditorSection_SwiftDefaults()
    {
        await using var app = ObjectServerApp.Build(["--Server:Port=0"]);

        var options = app.Services.GetRequiredService<IOptions<AuditorOptions>>().Value;

        Assert.That(options.IntervalSeconds, Is.EqualTo(1800));
        Assert.That(options.BytesPerSecond, Is.EqualTo(10_000_000));
        Assert.That(options.FilesPerSecond, Is.EqualTo(20));
    }

    [TestCase("IntervalSeconds")]
    [TestCase("BytesPerSecond")]
    [TestCase("FilesPerSecond")]
    public async Task Build_NegativeSetting_RefusedWithItsName(string key)
    {
        await using var app = ObjectServerApp.Build(["--Server:Port=0", $"--ObjectServer:Auditor:{key}=-1"]);

        var refused = Assert.Throws<OptionsValidationException>(() => _ = app.Services.GetRequiredService<IOptions<AuditorOptions>>().Value);

        Assert.That(refused!.Message, Does.Contain($"ObjectServer:Auditor:{key}"));
    }
}
