using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;

namespace CloudFs.UnitTests.Common.Hosts;

public sealed class HostSamplerTests
{
    private string _root = "";

    private string Proc => Path.Combine(_root, "proc");

    private string Sys => Path.Combine(_root, "sys");

    [SetUp]
    public void CreateTree()
    {
        _root = Directory.CreateTempSubdirectory("cloudfs-hosts-").FullName;
        Write("proc/stat", Stat(100, 0, 50, 820, 10, 0, 20));
        Write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Fake CPU @ 2.00GHz\n\nprocessor\t: 1\nmodel name\t: Fake CPU @ 2.00GHz\n");
        Write("proc/loadavg", "1.25 0.50 0.10 2/300 4242\n");
        Write("proc/meminfo", "MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 400 kB\nBuffers: 10 kB\nCached: 200 kB\n");
        Write("proc/self/status", "Name:\tdotnet\nVmRSS:\t  50 kB\n");
        Write("proc/net/dev", """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            zzfake1: 300 3 0 0 0 0 0 0 400 4 0 0 0 0 0 0
            fake0: 100 1 0 0 0 0 0 0 200 2 0 0 0 0 0 0

            """);
        Write("proc/diskstats", """
             259       0 nvme0n1 10 0 20 0 30 0 40 0 0 0 0
             259       1 nvme0n1p1 1 0 2 0 3 0 4 0 0 0 0
               8       0 sda 5 0 6 0 7 0 8 0 0 0 0

            """);
        Write("sys/block/sda/size", "100\n");
        Write("sys/block/nvme0n1/size", "2000\n");
        Write("sys/class/net/fake0/speed", "1000\n");
        Write("sys/class/net/zzfake1/speed", "-1\n");
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Sample_FakeTree_FillsEveryPart()
    {
        var sample = new HostSampler(Proc, Sys).Sample();

        // First sample: shares since boot, i.e. of the counters themselves (1000 jiffies).
        Assert.That(sample.Cpu, Is.EqualTo(new CpuSample(2, "Fake CPU @ 2.00GHz", 10, 7, 1, 82, 1.25)));
        Assert.That(sample.Mem, Is.EqualTo(new MemSample(1000 * 1024, 600 * 1024, 400 * 1024, 210 * 1024, 50 * 1024)));
        Assert.That(sample.Net, Is.EqualTo(new[]
        {
            new NetSample("fake0", null, 1000, 100, 200),
            new NetSample("zzfake1", null, null, 300, 400),
        }));
        Assert.That(sample.Disks, Is.EqualTo(new[]
        {
            new DiskSample("nvme0n1", "/dev/nvme0n1", 2000 * 512, 20 * 512, 40 * 512, 10, 30),
            new DiskSample("sda", "/dev/sda", 100 * 512, 6 * 512, 8 * 512, 5, 7),
        }));
    }

    [Test]
    public void Sample_Twice_SharesCoverTheTimeBetween()
    {
        var sampler = new HostSampler(Proc, Sys);
        _ = sampler.Sample();
        // +300 user, +100 nice, +100 system, +400 idle, +50 iowait, +20 irq, +30 softirq: 1000 jiffies.
        Write("proc/stat", Stat(400, 100, 150, 1220, 60, 20, 50));

        var cpu = sampler.Sample().Cpu;

        Assert.That((cpu.UserPct, cpu.SystemPct, cpu.IowaitPct, cpu.IdlePct), Is.EqualTo((40.0, 15.0, 5.0, 40.0)));
    }

    [Test]
    public void Sample_SameCountersTwice_AllIdle()
    {
        var sampler = new HostSampler(Proc, Sys);
        _ = sampler.Sample();

        var cpu = sampler.Sample().Cpu;

        Assert.That((cpu.UserPct, cpu.SystemPct, cpu.IowaitPct, cpu.IdlePct), Is.EqualTo((0.0, 0.0, 0.0, 100.0)));
    }

    [Test]
    public void Sample_MissingFiles_ZerosAndEmptyLists()
    {
        File.Delete(Path.Combine(Proc, "meminfo"));
        File.Delete(Path.Combine(Proc, "self", "status"));
        File.Delete(Path.Combine(Proc, "net", "dev"));
        File.Delete(Path.Combine(Proc, "diskstats"));
        File.Delete(Path.Combine(Proc, "loadavg"));
        File.Delete(Path.Combine(Proc, "cpuinfo"));

        var sample = new HostSampler(Proc, Sys).Sample();

        Assert.That(sample.Mem, Is.EqualTo(new MemSample(0, 0, 0, 0, 0)));
        Assert.That(sample.Net, Is.Empty);
        Assert.That(sample.Disks, Is.Empty);
        Assert.That(sample.Cpu, Is.EqualTo(new CpuSample(2, null, 10, 7, 1, 82, 0)));
    }

    [Test]
    public void Sample_NoProcAtAll_NeverThrows()
    {
        var sample = new HostSampler(Path.Combine(_root, "absent"), Path.Combine(_root, "absent-sys")).Sample();

        // No reading means no time passed: all idle, as between two equal readings.
        Assert.That(sample.Cpu, Is.EqualTo(new CpuSample(0, null, 0, 0, 0, 100, 0)));
        Assert.That(sample.Mem, Is.EqualTo(new MemSample(0, 0, 0, 0, 0)));
        Assert.That(sample.Net, Is.Empty);
        Assert.That(sample.Disks, Is.Empty);
    }

    [Test]
    public void Sample_RealMachine_SaneInvariants()
    {
        var sample = new HostSampler().Sample();

        Assert.That(sample.Cpu.Cores, Is.GreaterThanOrEqualTo(1));
        Assert.That(sample.Mem.TotalBytes, Is.GreaterThan(0));
        Assert.That(sample.Mem.ProcessRssBytes, Is.GreaterThan(0));
        Assert.That(sample.Cpu.UserPct + sample.Cpu.SystemPct + sample.Cpu.IowaitPct + sample.Cpu.IdlePct, Is.EqualTo(100).Within(1));
        Assert.That(sample.Net.Select(n => n.Iface), Does.Contain("lo"));
        Assert.That(sample.Net.Select(n => n.Iface), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    private static string Stat(long user, long nice, long system, long idle, long iowait, long irq, long softirq) =>
        $"cpu  {user} {nice} {system} {idle} {iowait} {irq} {softirq} 0 0 0\n"
        + $"cpu0 {user / 2} {nice / 2} {system / 2} {idle / 2} {iowait / 2} {irq / 2} {softirq / 2} 0 0 0\n"
        + $"cpu1 {user / 2} {nice / 2} {system / 2} {idle / 2} {iowait / 2} {irq / 2} {softirq / 2} 0 0 0\n"
        + "intr 12345 0 0\nctxt 67890\nbtime 1733100000\n";

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
