using CloudFs.Common.Hosting;

namespace CloudFs.UnitTests.Common.Hosting;

public class ConfigArgumentsTests
{
    [Test]
    public void Split_ConfigFlag_IsRemovedAndMadeAbsolute()
    {
        var (path, rest) = ConfigArguments.Split(["--config", "etc/object-server.json", "--Server:Port=1"]);

        Assert.That(path, Is.EqualTo(Path.GetFullPath("etc/object-server.json")));
        Assert.That(rest, Is.EqualTo(new[] { "--Server:Port=1" }));
    }

    [Test]
    public void Split_EqualsForm_Works()
    {
        var (path, rest) = ConfigArguments.Split(["--config=/etc/cloudfs/proxy-server.json"]);

        Assert.That(path, Is.EqualTo("/etc/cloudfs/proxy-server.json"));
        Assert.That(rest, Is.Empty);
    }

    [Test]
    public void Split_NoConfig_GivesNull() => Assert.That(ConfigArguments.Split([]).ConfigPath, Is.Null);

    [Test]
    public void Split_FlagWithoutValue_Throws() =>
        Assert.That(() => ConfigArguments.Split(["--config"]), Throws.ArgumentException);
}
