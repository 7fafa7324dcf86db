using CloudFs.Common.Results;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class BlobAddressTests
{
    private static readonly string Id = Guid.CreateVersion7().ToString("N");

    [Test]
    public void TryCreate_ValidSegments_Address()
    {
        var error = BlobAddress.TryCreate("sdb1", "1234", Id, out var address);

        Assert.That(error, Is.Null);
        Assert.That(address, Is.Not.Null);
        Assert.That(address!.Partition, Is.EqualTo(1234));
        Assert.That(address.Id.Value, Is.EqualTo(Id));
    }

    [TestCase("..", "1")]
    [TestCase(".hidden", "1")]
    [TestCase("sd b", "1")]
    [TestCase("", "1")]
    [TestCase("sdb1", "-1")]
    [TestCase("sdb1", "1x")]
    [TestCase("sdb1", "")]
    [TestCase("sdb1", "99999999999")]
    public void TryCreate_BadDeviceOrPartition_BadRequest(string device, string partition)
    {
        var error = BlobAddress.TryCreate(device, partition, Id, out var address);

        Assert.That(error?.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(address, Is.Null);
    }

    [Test]
    public void TryCreate_BadId_BadRequest() =>
        Assert.That(BlobAddress.TryCreate("sdb1", "1", "not-an-id", out _)?.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
}
