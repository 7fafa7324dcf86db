using CloudFs.Common.Hosts;

namespace CloudFs.UnitTests.Common.Hosts;

public sealed class ProcCpuTests
{
    private const string Stat = """
        cpu  7428835 65 1332219 2744456 65410 0 82708 23316 0 0
        cpu0 3663532 43 629528 1492050 12236 0 28875 10797 0 0
        cpu1 3765302 21 702691 1252405 53173 0 53832 12518 0 0
        intr 1234567 0 9 0 0
        ctxt 987654321
        btime 1733100000
        processes 21609
        procs_running 1
        procs_blocked 0
        softirq 5555 0 1 2 3 4 5 6 7 8 9

        """;

    [Test]
    public void ParseStat_AggregateLine_ReadsEightCounters() =>
        Assert.That(ProcCpu.ParseStat(Stat), Is.EqualTo(new CpuJiffies(7428835, 65, 1332219, 2744456, 65410, 0, 82708, 23316)));

    [Test]
    public void ParseStat_OldKernelWithFewerColumns_MissingAreZero() =>
        Assert.That(ProcCpu.ParseStat("cpu  10 1 5 100\ncpu0 10 1 5 100\n"), Is.EqualTo(new CpuJiffies(10, 1, 5, 100, 0, 0, 0, 0)));

    [TestCase("")]
    [TestCase("cpu0 1 2 3 4 5 6 7 8 0 0\n")]
    public void ParseStat_NoAggregateLine_Null(string stat) => Assert.That(ProcCpu.ParseStat(stat), Is.Null);

    [Test]
    public void CountCores_CountsCpuNLines() => Assert.That(ProcCpu.CountCores(Stat), Is.EqualTo(2));

    [Test]
    public void CountCores_Empty_Zero() => Assert.That(ProcCpu.CountCores(""), Is.EqualTo(0));

    [Test]
    public void ParseModel_FirstModelNameLine()
    {
        const string cpuinfo = """
            processor	: 0
            vendor_id	: AuthenticAMD
            cpu family	: 25
            model		: 1
            model name	: AMD EPYC 7763 64-Core Processor
            stepping	: 1
            flags		: fpu vme de pse

            processor	: 1
            model name	: AMD EPYC 7763 64-Core Processor

            """;

        Assert.That(ProcCpu.ParseModel(cpuinfo), Is.EqualTo("AMD EPYC 7763 64-Core Processor"));
    }

    [Test]
    public void ParseModel_ArmWithoutModelName_Null()
    {
        const string cpuinfo = """
            processor	: 0
            BogoMIPS	: 50.00
            Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32
            CPU implementer	: 0x41
            CPU part	: 0xd0c

            """;

        Assert.That(ProcCpu.ParseModel(cpuinfo), Is.Null);
    }

    [TestCase("0.47 4.49 5.77 1/84 21609\n", 0.47)]
    [TestCase("12.00 8.50 3.25 4/1024 99\n", 12.0)]
    [TestCase("", 0.0)]
    [TestCase("garbage", 0.0)]
    public void ParseLoad1_FirstField(string loadavg, double expected) =>
        Assert.That(ProcCpu.ParseLoad1(loadavg), Is.EqualTo(expected));

    [Test]
    public void Percentages_BetweenTwoReadings_GroupsCounters()
    {
        var before = new CpuJiffies(100, 0, 50, 800, 10, 0, 10, 0);
        // +300 user, +100 nice, +100 system, +400 idle, +50 iowait, +20 irq, +30 softirq: 1000 jiffies.
        var after = new CpuJiffies(400, 100, 150, 1200, 60, 20, 40, 0);

        Assert.That(ProcCpu.Percentages(before, after), Is.EqualTo((40.0, 15.0, 5.0, 40.0)));
    }

    [Test]
    public void Percentages_RoundsToTwoDecimals() =>
        Assert.That(ProcCpu.Percentages(default, new CpuJiffies(1, 0, 0, 2, 0, 0, 0, 0)), Is.EqualTo((33.33, 0.0, 0.0, 66.67)));

    [Test]
    public void Percentages_StealCountsInTotalOnly() =>
        Assert.That(ProcCpu.Percentages(default, new CpuJiffies(10, 0, 0, 80, 0, 0, 0, 10)), Is.EqualTo((10.0, 0.0, 0.0, 80.0)));

    [Test]
    public void Percentages_NoTimePassed_AllIdle()
    {
        var reading = new CpuJiffies(5, 1, 2, 30, 4, 0, 1, 0);

        Assert.That(ProcCpu.Percentages(reading, reading), Is.EqualTo((0.0, 0.0, 0.0, 100.0)));
    }

    [Test]
    public void Percentages_CounterWentBack_CountsAsNoTime() =>
        Assert.That(ProcCpu.Percentages(new CpuJiffies(500, 0, 0, 100, 0, 0, 0, 0), new CpuJiffies(400, 0, 0, 200, 0, 0, 0, 0)),
            Is.EqualTo((0.0, 0.0, 0.0, 100.0)));
}
