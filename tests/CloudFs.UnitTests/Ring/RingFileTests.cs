using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class RingFileTests : RingDirTestBase
{
    [Test]
    public void SaveLoad_RoundTrip_KeepsDevicesAndTable()
    {
        var ring = RingFixtures.TwelveDevices().Let(b => b.Rebalance(1)).GetRingData();
        var path = RingRoles.RingPath(Dir, RingRoles.Object);

        RingFile.Save(ring, path);
        var loaded = RingFile.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.PartPower, Is.EqualTo(14));
            Assert.That(loaded.ReplicaCount, Is.EqualTo(3));
            Assert.That(loaded.Devices, Is.EqualTo(ring.Devices));
            Assert.That(RingFixtures.Moved(ring, loaded), Is.Zero);
            Assert.That(Directory.GetFiles(Dir), Has.Length.EqualTo(1), "no temp file left behind");
        });
    }

    [Test]
    public void Load_BadMagic_ThrowsInvalidData()
    {
        var path = Path.Combine(Dir, "object.ring");
        File.WriteAllBytes(path, "NOPE\u0001\u0000garbage"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => RingFile.Load(path));
    }

    [Test]
    public void Load_Truncated_ThrowsInvalidData()
    {
        var ring = RingFixtures.TwelveDevices(partPower: 8).Let(b => b.Rebalance(1)).GetRingData();
        var path = Path.Combine(Dir, "object.ring");
        RingFile.Save(ring, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Throws<InvalidDataException>(() => RingFile.Load(path));
    }

    [Test]
    public void Load_FutureVersion_ThrowsWithVersionInMessage()
    {
        var path = Path.Combine(Dir, "object.ring");
        File.WriteAllBytes(path, [(byte)'C', (byte)'F', (byte)'R', (byte)'G', 9, 0]);

        var e = Assert.Throws<InvalidDataException>(() => RingFile.Load(path));

        Assert.That(e!.Message, Does.Contain("version 9"));
    }

    [Test]
    public void RingData_TableReferencesUnknownDevice_Throws()
    {
        RingDevice[] devices = [new RingDevice(0, 1, 1, "10.0.0.1", 7013, "sda", 1)];

        Assert.Throws<InvalidDataException>(() => _ = new RingData(1, devices, [new ushort[] { 0, 7 }]));
    }
}
