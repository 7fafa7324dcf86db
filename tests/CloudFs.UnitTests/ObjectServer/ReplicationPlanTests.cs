using CloudFs.Common.Contracts;
using CloudFs.ObjectServer.Replication;
using CloudFs.ObjectServer.Storage;
using CloudFs.Ring;

namespace CloudFs.UnitTests.ObjectServer;

public class ReplicationPlanTests
{
    // Two partitions over three servers: partition 0 on devices 0,1,2; partition 1 on 1,2,3.
    private static readonly RingDevice[] Devices =
    [
        new(0, 1, 1, "127.0.0.2", 7013, "d1", 100),
        new(1, 1, 2, "127.0.0.3", 7013, "d1", 100),
        new(2, 1, 3, "127.0.0.4", 7013, "d1", 100),
        new(3, 1, 1, "127.0.0.2", 7013, "d2", 100),
    ];

    private static readonly HashRing Ring = new(new RingData(1, Devices, [[0, 1], [1, 2], [2, 3]]), HashPathOptions.None);

    private static bool OnFirstServer(RingDevice n) => n.Ip == "127.0.0.2" && n.Port == 7013;

    [Test]
    public void Plan_PrimaryDevice_TargetsTheOtherPrimaries()
    {
        var job = ReplicationPlanner.Plan(Ring, OnFirstServer, 0, "d1", 0)!;

        Assert.That(job.IsPrimary, Is.True);
        Assert.That(job.Targets.Select(d => d.Id), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Plan_DeviceNotAmongThePrimaries_IsAHandoffTargetingEveryPrimary()
    {
        var job = ReplicationPlanner.Plan(Ring, OnFirstServer, 0, "d1", 1)!;

        Assert.That(job.IsPrimary, Is.False);
        Assert.That(job.Targets.Select(d => d.Id), Is.EqualTo(new[] { 1, 2, 3 }), "d2 on the same server is another device: a target");
    }

    [Test]
    public void Plan_DeviceMissingFromTheRing_IsAHandoff()
    {
        var job = ReplicationPlanner.Plan(Ring, n => n.Ip == "127.0.0.9", 0, "d1", 0)!;

        Assert.That(job.IsPrimary, Is.False);
        Assert.That(job.Targets, Has.Count.EqualTo(3));
    }

    [Test]
    public void Plan_PartitionBeyondTheRing_IsLeftAlone() =>
        Assert.That(ReplicationPlanner.Plan(Ring, OnFirstServer, 0, "d1", 2), Is.Null);

    [Test]
    public void ChangedSuffixes_OnlyLocalSuffixesThatDiffer()
    {
        var local = new Dictionary<string, string> { ["a01"] = "x", ["a02"] = "y", ["a03"] = "z" };
        var remote = new Dictionary<string, string> { ["a01"] = "x", ["a02"] = "other", ["fff"] = "w" };

        Assert.That(SyncPlan.ChangedSuffixes(local, remote), Is.EqualTo(new[] { "a02", "a03" }));
    }

    [Test]
    public void Compute_PushesWhatThePeerLacks_AndTombstonesOutrankBodies()
    {
        var (onlyHere, both, deletedThere, deletedHere, deletedBoth) = (Id(1), Id(2), Id(3), Id(4), Id(5));
        PartitionEntry[] local =
        [
            new(onlyHere, "s", PartitionEntryKind.Blob), new(both, "s", PartitionEntryKind.Blob),
            new(deletedThere, "s", PartitionEntryKind.Blob), new(deletedHere, "s", PartitionEntryKind.Tombstone),
            new(deletedBoth, "s", PartitionEntryKind.Tombstone),
        ];
        BlobListingEntry[] remote =
        [
            new(both.Value, BlobListingEntry.Blob, 0), new(deletedThere.Value, BlobListingEntry.Tombstone, 0),
            new(deletedHere.Value, BlobListingEntry.Blob, 0), new(deletedBoth.Value, BlobListingEntry.Tombstone, 0),
        ];

        var plan = SyncPlan.Compute(local, remote);

        Assert.That(plan.Blobs, Is.EqualTo(new[] { onlyHere }));
        Assert.That(plan.Tombstones, Is.EqualTo(new[] { deletedHere }));
    }

    [Test]
    public void Compute_BodyAndTombstoneHere_SendsOnlyTheTombstone()
    {
        var id = Id(7);
        var plan = SyncPlan.Compute([new(id, "s", PartitionEntryKind.Blob), new(id, "s", PartitionEntryKind.Tombstone)], []);

        Assert.That(plan.Blobs, Is.Empty);
        Assert.That(plan.Tombstones, Is.EqualTo(new[] { id }));
    }

    [Test]
    public void PartitionDigest_DependsOnEverySuffixHash_NotOnOrder()
    {
        var a = PartitionDigest.Compute(new Dictionary<string, string> { ["a01"] = "x", ["b02"] = "y" });
        var sameOtherOrder = PartitionDigest.Compute(new Dictionary<string, string> { ["b02"] = "y", ["a01"] = "x" });
        var oneDiffers = PartitionDigest.Compute(new Dictionary<string, string> { ["a01"] = "x", ["b02"] = "z" });

        Assert.That(sameOtherOrder, Is.EqualTo(a));
        Assert.That(oneDiffers, Is.Not.EqualTo(a));
    }

    private static BlobId Id(int n)
    {
        Assert.That(BlobId.TryParse($"0193f2a0b1c27{n:x3}8000000000000000", out var id), Is.True);
        return id;
    }
}
