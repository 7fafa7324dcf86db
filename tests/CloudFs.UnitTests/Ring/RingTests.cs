using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class RingTests
{
    private static readonly RingData Data = BuildData();

    // Partitions come from the same Python-computed digests as PathHasherTests:
    //   struct.unpack('>I', md5(key).digest()[:4])[0] >> (32 - 14)
    [TestCase("AUTH_test", null, null, 13622)]
    [TestCase("AUTH_test", "photos", null, 547)]
    [TestCase("AUTH_test", "photos", "2024/cat.jpg", 1151)]
    public void GetPartition_GoldenVectors_MatchSwiftGetPart(string account, string? container, string? obj, int expected)
    {
        var ring = new HashRing(Data, "changeme", "endcap");

        Assert.That(ring.GetPartition(account, container, obj), Is.EqualTo(expected));
    }

    [Test]
    public void GetPartition_ConvenienceOverloads_MatchFullForm()
    {
        var ring = new HashRing(Data, "changeme", "endcap");

        Assert.Multiple(() =>
        {
            Assert.That(ring.GetPartition("AUTH_test"), Is.EqualTo(13622));
            Assert.That(ring.GetPartition("AUTH_test", "photos"), Is.EqualTo(547));
        });
    }

    [Test]
    public void GetBlobPartition_BlobId_HashesAsSingleElementPath()
    {
        // md5(b"changeme/0193f2a4-7c1e-7d3a-9b8e-5f2c1a0e4d6bendcap") top 32 bits >> 18 == 1771
        var ring = new HashRing(Data, new HashPathOptions("changeme", "endcap"));

        Assert.That(ring.GetBlobPartition("0193f2a4-7c1e-7d3a-9b8e-5f2c1a0e4d6b"), Is.EqualTo(1771));
    }

    [Test]
    public void GetPartition_DifferentSecrets_PlaceDifferently()
    {
        var a = new HashRing(Data, "secret-a", "x");
        var b = new HashRing(Data, "secret-b", "x");

        var differing = Enumerable.Range(0, 200).Count(i => a.GetPartition("AUTH_" + i) != b.GetPartition("AUTH_" + i));

        Assert.That(differing, Is.GreaterThan(190));
    }

    [Test]
    public void GetPrimaries_EveryPartition_DistinctDevicesInDistinctZones()
    {
        var ring = new HashRing(Data, HashPathOptions.None);

        for (var p = 0; p < ring.PartitionCount; p += 7)
        {
            var primaries = ring.GetPrimaries(p);
            Assert.That(primaries.Select(d => d.Zone).Distinct().Count(), Is.EqualTo(3), $"partition {p}");
        }
    }

    [Test]
    public void GetWriters_ThreeDevicesThreeReplicas_EveryDeviceWritesForAThirdOfThePartitions()
    {
        // As many devices as replicas: the builder gives replica 0 of every partition to one device.
        var builder = new RingBuilder(8, 3, 0, new RingTestClock());
        for (var zone = 1; zone <= 3; zone++)
        {
            builder.AddDevice(new RingDevice(-1, 1, zone, $"127.0.0.{zone + 1}", 7011, "d1", 100));
        }

        builder.Rebalance(1);
        var ring = new HashRing(builder.GetRingData(), HashPathOptions.None);

        var firstWriters = Enumerable.Range(0, ring.PartitionCount).GroupBy(p => ring.GetWriters(p)[0].Ip).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(firstWriters.Keys, Is.EquivalentTo(new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" }));
        Assert.That(firstWriters.Values, Has.All.InRange(ring.PartitionCount / 3 - 1, ring.PartitionCount / 3 + 1));
    }

    [Test]
    public void GetWriters_APartition_ThePrimariesRotatedTheSameWayEveryTime()
    {
        var ring = new HashRing(Data, HashPathOptions.None);

        for (var p = 0; p < ring.PartitionCount; p += 97)
        {
            var primaries = ring.GetPrimaries(p);
            var writers = ring.GetWriters(p);
            Assert.That(writers, Is.EquivalentTo(primaries), $"partition {p}: the same devices");
            Assert.That(writers[0], Is.EqualTo(primaries[p % primaries.Count]), $"partition {p}: starting at replica p mod n");
            Assert.That(ring.GetWriters(p), Is.EqualTo(writers), "one account, one writer");
        }
    }

    [Test]
    public void GetPrimaries_SpanOverload_SameAsArrayOverload()
    {
        var ring = new HashRing(Data, HashPathOptions.None);
        var buffer = new RingDevice[3];

        var n = ring.GetPrimaries(42, buffer);

        Assert.That(buffer.Take(n), Is.EqualTo(ring.GetPrimaries(42)));
    }

    [Test]
    public void GetPrimaries_PartitionOutOfRange_Throws()
    {
        var ring = new HashRing(Data, HashPathOptions.None);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.GetPrimaries(ring.PartitionCount));
    }

    [Test]
    public void GetHandoffs_AnyPartition_YieldsEveryOtherDeviceOnceAndNoPrimary()
    {
        var ring = new HashRing(Data, HashPathOptions.None);

        var handoffs = ring.GetHandoffs(99).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(handoffs.Select(d => d.Id), Is.Unique);
            Assert.That(handoffs.Select(d => d.Id).Concat(ring.GetPrimaries(99).Select(d => d.Id)), Is.EquivalentTo(ring.Devices.Select(d => d.Id)));
        });
    }

    [Test]
    public void GetHandoffs_FourthZone_ComesBeforeAnyDeviceInAPrimaryZone()
    {
        // 4 zones, 3 replicas: every partition has exactly one zone without a primary.
        var builder = new RingBuilder(8, 3, 0, new RingTestClock());
        for (var z = 1; z <= 4; z++)
        {
            for (var d = 0; d < 3; d++)
            {
                builder.AddDevice(new RingDevice(-1, 1, z, $"10.0.0.{z}", 7013, $"sd{(char)('a' + d)}", 100));
            }
        }

        builder.Rebalance(1);
        var ring = new HashRing(builder.GetRingData(), HashPathOptions.None);

        for (var p = 0; p < ring.PartitionCount; p++)
        {
            var primaryZones = ring.GetPrimaries(p).Select(d => d.Zone).ToHashSet();
            var first = ring.GetHandoffs(p).First();
            Assert.That(primaryZones, Does.Not.Contain(first.Zone), $"partition {p}");
        }
    }

    [Test]
    public void GetHandoffs_UnlikeZonesThenUnlikeIps_InThatOrder()
    {
        var ring = new HashRing(Data, HashPathOptions.None);
        for (var p = 0; p < ring.PartitionCount; p += 101)
        {
            var zones = ring.GetPrimaries(p).Select(d => d.Zone).ToHashSet();
            var ips = ring.GetPrimaries(p).Select(d => d.Ip).ToHashSet();
            var seenSameIp = false;
            foreach (var d in ring.GetHandoffs(p))
            {
                // Every zone is used by a primary here, so the order is: new ips first, then the rest.
                Assert.That(zones, Does.Contain(d.Zone));
                if (ips.Contains(d.Ip))
                {
                    seenSameIp = true;
                }
                else
                {
                    Assert.That(seenSameIp, Is.False, $"partition {p}: device {d} on a new ip came after one on a used ip");
                }

                ips.Add(d.Ip);
            }
        }
    }

    [Test]
    public void GetHandoffs_SameInputs_SameOrder()
    {
        var a = new HashRing(Data, HashPathOptions.None);
        var b = new HashRing(RingFixtures.TwelveDevices().Let(x => x.Rebalance(3)).GetRingData(), HashPathOptions.None);

        Assert.That(a.GetHandoffs(1234).Select(d => d.Id), Is.EqualTo(b.GetHandoffs(1234).Select(d => d.Id)));
    }

    [Test]
    public void GetHandoffs_DifferentPartitions_DifferentOrders()
    {
        var ring = new HashRing(Data, HashPathOptions.None);

        var distinctFirst = Enumerable.Range(0, 300).Select(p => ring.GetHandoffs(p).First().Id).Distinct().Count();

        Assert.That(distinctFirst, Is.GreaterThan(6));
    }

    private static RingData BuildData()
    {
        var builder = RingFixtures.TwelveDevices();
        builder.Rebalance(3);
        return builder.GetRingData();
    }
}
