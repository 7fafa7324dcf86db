using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class BlobIdTests
{
    [Test]
    public void TryParse_Uuid7WithoutDashes_Accepted() =>
        Assert.That(BlobId.TryParse(Guid.CreateVersion7().ToString("N"), out _), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0193f2a07c1a7abc8def0123456789a")] // 31 chars
    [TestCase("0193F2A07C1A7ABC8DEF0123456789AB")] // upper case
    [TestCase("0193f2a0-7c1a-7abc-8def-0123456789")] // dashes
    [TestCase("0193f2a07c1a4abc8def0123456789ab")] // version 4
    [TestCase("0193f2a07c1a7abc0def0123456789ab")] // wrong variant
    [TestCase("../../../../etc/passwd0123456789a")]
    public void TryParse_Malformed_Rejected(string? text) =>
        Assert.That(BlobId.TryParse(text, out _), Is.False);
}
