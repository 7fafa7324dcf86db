using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;

namespace CloudFs.UnitTests.Common.Hosts;

public sealed class ProcDiskStatsTests
{
    private const string DiskStats = """
           7       0 loop0 47 0 2128 13 0 0 0 0 0 24 13 0 0 0 0 0 0
         254       0 vda 869848 28146 180160426 3285050 24878440 1483561 822610384 9619037 0 2812404 14539028 3224537 1419 851538024 489221 8369371 1145719
         254       1 vda1 860000 28000 180000000 3280000 24870000 1483000 822600000 9610000 0 2810000 14530000 0 0 0 0 0 0
         253       0 zram0 10 0 80 0 20 0 160 0 0 0 0 0 0 0 0 0 0
         252       0 dm-0 100 0 800 5 200 0 1600 9 0 10 14 0 0 0 0 0 0
           1       0 ram0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0

        """;

    [Test]
    public void Parse_WholeDevicesOnly_CountsAndBytes()
    {
        // vda1 is a partition (no /sys/block entry); loop, zram and ram devices are skipped before asking.
        var asked = new List<string>();
        long? Size(string name)
        {
            asked.Add(name);
            return name switch { "vda" => 1000L, "dm-0" => 2000L, _ => null };
        }

        var disks = ProcDiskStats.Parse(DiskStats, Size);

        Assert.That(disks, Is.EqualTo(new[]
        {
            new DiskSample("vda", "/dev/vda", 1000, 180160426L * 512, 822610384L * 512, 869848, 24878440),
            new DiskSample("dm-0", "/dev/dm-0", 2000, 800 * 512, 1600 * 512, 100, 200),
        }));
        Assert.That(asked, Is.EqualTo(new[] { "vda", "vda1", "dm-0" }));
    }

    [Test]
    public void Parse_Empty_Empty() => Assert.That(ProcDiskStats.Parse("", _ => 1), Is.Empty);

    [Test]
    public void WholeDeviceSize_ReadsSysfs()
    {
        var sys = Directory.CreateTempSubdirectory("cloudfs-sys-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(sys, "block", "sda"));
            File.WriteAllText(Path.Combine(sys, "block", "sda", "size"), "1953525168\n");
            Directory.CreateDirectory(Path.Combine(sys, "block", "sdb"));

            Assert.That(ProcDiskStats.WholeDeviceSize(sys, "sda"), Is.EqualTo(1953525168L * 512));
            Assert.That(ProcDiskStats.WholeDeviceSize(sys, "sdb"), Is.EqualTo(0), "no size file");
            Assert.That(ProcDiskStats.WholeDeviceSize(sys, "sda1"), Is.Null, "not a whole device");
        }
        finally
        {
            Directory.Delete(sys, recursive: true);
        }
    }
}
