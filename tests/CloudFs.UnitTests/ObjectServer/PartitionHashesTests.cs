using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class PartitionHashesTests
{
    private string _rootA = "";
    private string _rootB = "";

    [SetUp]
    public void SetUp()
    {
        _rootA = TestBlobs.NewRoot("sda");
        _rootB = TestBlobs.NewRoot("sda");
    }

    [TearDown]
    public void TearDown()
    {
        TestBlobs.DeleteRoot(_rootA);
        TestBlobs.DeleteRoot(_rootB);
    }

    [Test]
    public async Task HashPartition_SameBlobsInOtherOrder_SameHashes()
    {
        var a = TestBlobs.NewStore(_rootA);
        var b = TestBlobs.NewStore(_rootB);
        var ids = Enumerable.Range(0, 20).Select(_ => new BlobAddress("sda", 1, TestBlobs.NewId())).ToList();
        foreach (var id in ids)
        {
            await a.PutAsync(id, TestBlobs.Request([1, 2, 3]), CancellationToken.None);
        }

        foreach (var id in Enumerable.Reverse(ids))
        {
            await b.PutAsync(id, TestBlobs.Request([1, 2, 3]), CancellationToken.None);
        }

        Assert.That(b.HashPartition("sda", 1), Is.EqualTo(a.HashPartition("sda", 1)));
    }

    [Test]
    public async Task HashPartition_OneBlobDeleted_OnlyItsSuffixChanges()
    {
        var store = TestBlobs.NewStore(_rootA);
        var ids = Enumerable.Range(0, 20).Select(_ => new BlobAddress("sda", 1, TestBlobs.NewId())).ToList();
        foreach (var id in ids)
        {
            await store.PutAsync(id, TestBlobs.Request([1]), CancellationToken.None);
        }

        var before = store.HashPartition("sda", 1);
        await store.DeleteAsync(ids[0], null, CancellationToken.None);
        var after = store.HashPartition("sda", 1);

        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        Assert.That(changed, Is.EqualTo(new[] { DeviceLayout.Suffix(ids[0].Id) }));
    }
}
