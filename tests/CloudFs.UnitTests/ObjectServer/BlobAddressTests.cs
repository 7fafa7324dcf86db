using CloudFs.Common.Policies;
using CloudFs.Common.Results;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class BlobAddressTests
{
    private static readonly string Id = Guid.CreateVersion7().ToString("N");

    [Test]
    public void TryCreate_ValidSegments_Address()
    {
        var error = BlobAddress.TryCreate("sdb1", "1234", Id, null, StoragePolicyTable.Legacy, out var address);

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
        var error = BlobAddress.TryCreate(device, partition, Id, null, StoragePolicyTable.Legacy, out var address);

        Assert.That(error?.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(address, Is.Null);
    }

    [Test]
    public void TryCreate_BadId_BadRequest() =>
        Assert.That(BlobAddress.TryCreate("sdb1", "1", "not-an-id", null, StoragePolicyTable.Legacy, out _)?.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));

    private static readonly StoragePolicyTable TwoPolicies = StoragePolicyTable.Create(
    [
        new StoragePolicyConfig { Index = 0, Name = "Policy-0", Default = true },
        new StoragePolicyConfig { Index = 1, Name = "silver" },
    ]);

    [TestCase(null, 0)]
    [TestCase("", 0)]
    [TestCase("0", 0)]
    [TestCase("1", 1)]
    public void TryCreate_PolicyHeader_NamesThePolicy(string? header, int expected)
    {
        Assert.That(BlobAddress.TryCreate("sdb1", "1", Id, header, TwoPolicies, out var address), Is.Null);
        Assert.That(address!.Policy, Is.EqualTo(expected));
    }

    [TestCase("x")]
    [TestCase("-1")]
    [TestCase(" 1")]
    public void TryCreate_BadPolicyHeader_BadRequest(string header) =>
        Assert.That(BlobAddress.TryCreate("sdb1", "1", Id, header, TwoPolicies, out _)?.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));

    [Test]
    public void TryCreate_UnknownPolicy_ServiceUnavailableAsSwift() =>
        Assert.That(BlobAddress.TryCreate("sdb1", "1", Id, "2", TwoPolicies, out _)?.Kind, Is.EqualTo(CloudFsErrorKind.ServiceUnavailable));

    [Test]
    public void Layout_PolicyN_KeepsItsBlobsApart()
    {
        var layout = new DeviceLayout("/srv");
        var id = BlobId.TryParse(Id, out var parsed) ? parsed : throw new InvalidOperationException();
        Assert.That(layout.DataPath(new BlobAddress("d1", 7, id)), Does.StartWith("/srv/d1/blobs/7/"));
        Assert.That(layout.DataPath(new BlobAddress("d1", 7, id, 2)), Does.StartWith("/srv/d1/blobs-2/7/"));
        Assert.That(layout.QuarantineDir("d1", 2), Is.EqualTo("/srv/d1/quarantined/blobs-2"));
    }
}
