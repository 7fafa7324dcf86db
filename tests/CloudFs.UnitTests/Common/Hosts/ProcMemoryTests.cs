using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;

namespace CloudFs.UnitTests.Common.Hosts;

public sealed class ProcMemoryTests
{
    private const string MemInfo = """
        MemTotal:       24684084 kB
        MemFree:        22300320 kB
        MemAvailable:   23892408 kB
        Buffers:          317664 kB
        Cached:          1560020 kB
        SwapCached:            0 kB
        Active:           987654 kB
        SReclaimable:     344600 kB
        SUnreclaim:        98765 kB
        HugePages_Total:       0
        Hugepagesize:       2048 kB

        """;

    [Test]
    public void Parse_ModernKernel_UsesMemAvailableAndKilobytes()
    {
        const long kb = 1024;

        Assert.That(ProcMemory.Parse(MemInfo, 777), Is.EqualTo(new MemSample(
            24684084 * kb, (24684084 - 23892408) * kb, 23892408 * kb, (1560020 + 317664 + 344600) * kb, 777)));
    }

    [Test]
    public void Parse_OldKernelWithoutMemAvailable_FallsBackToMemFree()
    {
        const string old = """
            MemTotal:        2048000 kB
            MemFree:          512000 kB
            Buffers:           10000 kB
            Cached:           200000 kB

            """;

        Assert.That(ProcMemory.Parse(old, 0), Is.EqualTo(new MemSample(2048000L * 1024, 1536000L * 1024, 512000L * 1024, 210000L * 1024, 0)));
    }

    [Test]
    public void Parse_Empty_AllZero() => Assert.That(ProcMemory.Parse("", 0), Is.EqualTo(new MemSample(0, 0, 0, 0, 0)));

    [Test]
    public void ParseRss_VmRssInBytes()
    {
        const string status = """
            Name:	dotnet
            Umask:	0022
            State:	S (sleeping)
            Pid:	4242
            VmPeak:	 3000000 kB
            VmSize:	 2900000 kB
            VmHWM:	   90000 kB
            VmRSS:	   81234 kB
            RssAnon:	   40000 kB
            Threads:	25

            """;

        Assert.That(ProcMemory.ParseRss(status), Is.EqualTo(81234L * 1024));
    }

    [Test]
    public void ParseRss_KernelThreadWithoutVmRss_Zero() =>
        Assert.That(ProcMemory.ParseRss("Name:\tkthreadd\nState:\tS (sleeping)\nThreads:\t1\n"), Is.EqualTo(0));
}
