using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class RingBuilderTests
{
    [Test]
    public void Rebalance_ThreeZonesTwelveDevicesPartPower14_EveryDeviceWithinOnePercentOfWeightShare()
    {
        var builder = RingFixtures.TwelveDevices();

        builder.Rebalance(1);

        var counts = RingFixtures.Counts(builder.GetRingData());
        var share = 16384.0 * 3 / 12;
        Assert.That(counts.Values, Has.All.InRange(share * 0.99, share * 1.01));
    }

    [Test]
    public void Rebalance_UnequalWeightsWithEqualZones_FollowsWeightWithinOnePercent()
    {
        double[] weights = [100, 200, 300, 400];
        var builder = RingFixtures.TwelveDevices(weight: i => weights[i % 4]);

        var result = builder.Rebalance(1);

        Assert.That(result.Stats.Balance, Is.LessThanOrEqualTo(1.0));
        var counts = RingFixtures.Counts(builder.GetRingData());
        Assert.That(counts[3] / (double)counts[0], Is.EqualTo(4.0).Within(0.04));
    }

    [Test]
    public void Rebalance_ZonesAtLeastReplicas_NoTwoReplicasOfAPartitionInOneZone()
    {
        var builder = RingFixtures.TwelveDevices(weight: i => i % 3 == 0 ? 300 : 100);
        builder.AddDevice(new RingDevice(-1, 1, 4, "10.0.4.0", 7013, "sda", 50));

        builder.Rebalance(5);

        var ring = builder.GetRingData();
        for (var p = 0; p < ring.PartitionCount; p++)
        {
            var zones = Enumerable.Range(0, 3).Select(r => ring.FindDevice(ring.GetDeviceId(r, p))!.Zone).ToArray();
            Assert.That(zones, Is.Unique, $"partition {p}");
        }
    }

    [Test]
    public void Rebalance_TwoZonesThreeReplicas_SplitsTwoAndOne()
    {
        var builder = new RingBuilder(10, 3, 0, new RingTestClock());
        for (var i = 0; i < 6; i++)
        {
            builder.AddDevice(new RingDevice(-1, 1, (i % 2) + 1, $"10.0.0.{i}", 7013, "sda", 100));
        }

        var result = builder.Rebalance(2);

        Assert.That(result.Stats.BadlySpreadPartitions, Is.Zero);
        var ring = builder.GetRingData();
        for (var p = 0; p < ring.PartitionCount; p++)
        {
            var inZone1 = Enumerable.Range(0, 3).Count(r => ring.FindDevice(ring.GetDeviceId(r, p))!.Zone == 1);
            Assert.That(inZone1, Is.InRange(1, 2));
        }
    }

    [TestCase(1, TestName = "Rebalance_AddDeviceToExistingZone_MovesAtMostItsWeightShare")]
    [TestCase(4, TestName = "Rebalance_AddDeviceInNewZone_MovesAtMostItsWeightShare")]
    public void Rebalance_AddOneDevice_MovesAtMostItsWeightShare(int zone)
    {
        var builder = RingFixtures.TwelveDevices();
        builder.Rebalance(1);
        var before = builder.GetRingData();

        builder.AddDevice(new RingDevice(-1, 1, zone, "10.0.9.9", 7013, "sdz", 100));
        var result = builder.Rebalance(1);

        var moved = RingFixtures.Moved(before, builder.GetRingData());
        var limit = 1.05 * 100 / (1200 + 100) * before.PartitionCount * 3;
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.LessThanOrEqualTo(limit));
            Assert.That(moved, Is.GreaterThan(0));
            Assert.That(result.MovedAssignments, Is.EqualTo(moved));
            Assert.That(result.Stats.BadlySpreadPartitions, Is.Zero);
        });
    }

    [Test]
    public void Rebalance_SameInputsSameSeedFreshBuilders_IdenticalRingBytes()
    {
        var a = Serialise(RingFixtures.TwelveDevices().Let(b => b.Rebalance(42)).GetRingData());
        byte[] b = Serialise(RingFixtures.TwelveDevices().Let(b => b.Rebalance(42)).GetRingData());

        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void Rebalance_DifferentSeeds_DifferentAssignments()
    {
        var a = RingFixtures.TwelveDevices().Let(b => b.Rebalance(1)).GetRingData();
        RingData b = RingFixtures.TwelveDevices().Let(b => b.Rebalance(2)).GetRingData();

        Assert.That(RingFixtures.Moved(a, b), Is.GreaterThan(0));
    }

    [Test]
    public void Rebalance_SecondRightAfterFirst_NeverMovesASecondReplicaOfAPartition()
    {
        var clock = new RingTestClock();
        var builder = RingFixtures.TwelveDevices(minPartHours: 1, clock: clock);
        builder.Rebalance(1);
        clock.Advance(TimeSpan.FromHours(2));
        var start = builder.GetRingData();

        // A large change that would like to move far more than one replica of many partitions.
        builder.AddDevice(new RingDevice(-1, 1, 4, "10.0.4.0", 7013, "sda", 600));
        builder.AddDevice(new RingDevice(-1, 1, 4, "10.0.4.1", 7013, "sda", 600));
        builder.Rebalance(1);
        var first = builder.GetRingData();
        clock.Advance(TimeSpan.FromMinutes(5));
        builder.SetWeight(0, 10);
        builder.Rebalance(1);
        var second = builder.GetRingData();

        var movedFirst = new HashSet<int>();
        var movedSecond = new HashSet<int>();
        RingFixtures.Moved(start, first, movedFirst);
        RingFixtures.Moved(first, second, movedSecond);
        Assert.Multiple(() =>
        {
            Assert.That(movedFirst, Is.Not.Empty);
            Assert.That(movedSecond.Intersect(movedFirst), Is.Empty);
            Assert.That(MaxReplicasMoved(start, first), Is.EqualTo(1));
            Assert.That(MaxReplicasMoved(start, second), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void Rebalance_AfterMinPartHours_FinishesTheMove()
    {
        var clock = new RingTestClock();
        var builder = RingFixtures.TwelveDevices(minPartHours: 1, clock: clock);
        builder.Rebalance(1);
        builder.AddDevice(new RingDevice(-1, 1, 4, "10.0.4.0", 7013, "sda", 1200));
        builder.Rebalance(1);
        var early = builder.Rebalance(1);

        clock.Advance(TimeSpan.FromHours(1));
        var later = builder.Rebalance(1);

        Assert.Multiple(() =>
        {
            Assert.That(early.MovedAssignments, Is.Zero);
            Assert.That(later.Stats.BadlySpreadPartitions, Is.Zero);
        });
    }

    [Test]
    public void Rebalance_RemoveDevice_MovesOnlyItsPartitionsAndDropsIt()
    {
        var builder = RingFixtures.TwelveDevices(minPartHours: 24);
        builder.Rebalance(1);
        var before = builder.GetRingData();
        var held = RingFixtures.Counts(before)[5];

        builder.RemoveDevice(5);
        var result = builder.Rebalance(1);

        Assert.Multiple(() =>
        {
            Assert.That(result.MovedAssignments, Is.EqualTo(held));
            Assert.That(result.RemovedDevices, Is.EqualTo(1));
            Assert.That(builder.Devices.Select(d => d.Id), Does.Not.Contain(5));
            Assert.That(builder.Validate(), Is.Empty);
        });
    }

    [Test]
    public void Rebalance_NothingChanged_ReportsNoChange()
    {
        var builder = RingFixtures.TwelveDevices();
        builder.Rebalance(1);

        var again = builder.Rebalance(1);

        Assert.That(again.Changed, Is.False);
    }

    [Test]
    public void Rebalance_PartPower18_BalancesEveryPartition()
    {
        // A production-sized ring (262,144 partitions × 3 replicas). How long it takes is not
        // asserted: a 3 s bound failed a fresh-clone run on the loaded 2-core machine (3.4 s).
        var builder = new RingBuilder(18, 3, 1, new RingTestClock());
        for (var i = 0; i < 100; i++)
        {
            builder.AddDevice(new RingDevice(-1, 1, (i % 5) + 1, $"10.0.{i % 5}.{i / 5 % 5}", 7013, $"d{i / 25}", 100));
        }

        var result = builder.Rebalance(1);

        Assert.That(result.Stats.Balance, Is.LessThan(1.0));
    }

    [Test]
    public void Rebalance_FewerDevicesThanReplicas_ThrowsWithReason()
    {
        var builder = new RingBuilder(4, 3, 0);
        builder.AddDevice(new RingDevice(-1, 1, 1, "10.0.0.1", 7013, "sda", 100));

        var e = Assert.Throws<RingBuilderException>(() => builder.Rebalance());

        Assert.That(e!.Message, Does.Contain("at least 3 devices"));
    }

    [Test]
    public void Rebalance_NoDevices_Throws()
    {
        var builder = new RingBuilder(4, 1, 0);

        Assert.Throws<RingBuilderException>(() => builder.Rebalance());
    }

    [TestCase(0, 3)]
    [TestCase(25, 3)]
    [TestCase(10, 0)]
    public void Constructor_OutOfRange_Throws(int partPower, int replicas)
    {
        Assert.Throws<RingBuilderException>(() => _ = new RingBuilder(partPower, replicas, 1));
    }

    [Test]
    public void AddDevice_DuplicateEndpoint_Throws()
    {
        var builder = RingFixtures.TwelveDevices();

        Assert.Throws<RingBuilderException>(() => builder.AddDevice(new RingDevice(-1, 1, 2, "10.0.1.0", 7013, "sda", 1)));
    }

    [Test]
    public void AddDevice_AfterRemoval_ReusesLowestFreeIdOnlyAfterRebalance()
    {
        var builder = RingFixtures.TwelveDevices();
        builder.Rebalance(1);
        builder.RemoveDevice(3);

        var pending = builder.AddDevice(new RingDevice(-1, 1, 1, "10.0.1.5", 7013, "sda", 100));
        builder.Rebalance(1);
        var reused = builder.AddDevice(new RingDevice(-1, 1, 1, "10.0.1.6", 7013, "sda", 100));

        Assert.Multiple(() =>
        {
            Assert.That(pending.Id, Is.EqualTo(12));
            Assert.That(reused.Id, Is.EqualTo(3));
        });
    }

    [Test]
    public void SetWeight_UnknownDevice_Throws()
    {
        var builder = RingFixtures.TwelveDevices();

        Assert.Throws<RingBuilderException>(() => builder.SetWeight(99, 1));
    }

    [Test]
    public void Validate_NeverRebalanced_ReportsIt()
    {
        Assert.That(RingFixtures.TwelveDevices().Validate(), Is.Not.Empty);
    }

    [Test]
    public void BuilderFile_SaveLoad_RoundTripsAndNextRebalanceIsMinimal()
    {
        var dir = RingFixtures.TempDir();
        var builder = RingFixtures.TwelveDevices();
        builder.Rebalance(1);
        var path = Path.Combine(dir, "object.builder");

        BuilderFile.Save(builder, path);
        var loaded = BuilderFile.Load(path, new RingTestClock());

        Assert.Multiple(() =>
        {
            Assert.That(Serialise(loaded.GetRingData()), Is.EqualTo(Serialise(builder.GetRingData())));
            Assert.That(loaded.Rebalance(1).Changed, Is.False);
        });
        Directory.Delete(dir, true);
    }

    private static int MaxReplicasMoved(RingData a, RingData b)
    {
        var max = 0;
        for (var p = 0; p < a.PartitionCount; p++)
        {
            max = Math.Max(max, Enumerable.Range(0, a.ReplicaCount).Count(r => a.GetDeviceId(r, p) != b.GetDeviceId(r, p)));
        }

        return max;
    }

    private static byte[] Serialise(RingData ring)
    {
        using var ms = new MemoryStream();
        RingFile.Write(ring, ms);
        return ms.ToArray();
    }
}
