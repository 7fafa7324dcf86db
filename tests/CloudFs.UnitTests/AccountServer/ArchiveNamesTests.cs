using CloudFs.AccountServer.Core.Versioning;
using CloudFs.Common.Time;

namespace CloudFs.UnitTests.AccountServer;

public class ArchiveNamesTests
{
    [Test]
    public void Prefix_IsThreeHexDigitsOfTheLength() => Assert.That(ArchiveNames.Prefix("o"), Is.EqualTo("001o/"));

    [Test]
    public void Prefix_CountsUtf8Bytes() => Assert.That(ArchiveNames.Prefix("é/x"), Is.EqualTo("004é/x/"));

    [Test]
    public void Prefix_LongNameKeepsEveryDigit() => Assert.That(ArchiveNames.Prefix(new string('a', 0x1234)), Does.StartWith("1234a"));

    [Test]
    public void For_AppendsTheInternalTimestamp() =>
        Assert.That(ArchiveNames.For("photo.jpg", new Timestamp(179613113116652)), Is.EqualTo("009photo.jpg/1796131131.16652"));
}
