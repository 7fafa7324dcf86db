using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

/// <summary>BlobStore.ListPartition while the replicator or a clean-up removes directories under it.</summary>
public class ListPartitionTests
{
    private string _root = "";
    private BlobStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _root = TestBlobs.NewRoot("sda");
        _store = TestBlobs.NewStore(_root);
    }

    [TearDown]
    public void TearDown() => TestBlobs.DeleteRoot(_root);

    [Test]
    public async Task ListPartition_PartitionRemovedMidListing_EndsWithoutThrowing()
    {
        var first = TestBlobs.NewId();
        var second = TestBlobs.NewId();
        while (DeviceLayout.Suffix(second) == DeviceLayout.Suffix(first))
        {
            second = TestBlobs.NewId();
        }

        foreach (var id in new[] { first, second })
        {
            var data = TestBlobs.RandomBytes(10);
            Assert.That((await _store.PutAsync(new BlobAddress("sda", 3, id), TestBlobs.Request(data), CancellationToken.None)).IsSuccess, Is.True);
        }

        using var listing = _store.ListPartition("sda", 3).GetEnumerator();
        Assert.That(listing.MoveNext(), Is.True);
        Directory.Delete(_store.Layout.PartitionDir("sda", 3), recursive: true);

        Assert.That(listing.MoveNext, Throws.Nothing);
        Assert.That(listing.MoveNext(), Is.False);
    }
}
