using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;

namespace CloudFs.UnitTests.Common.Hosts;

public sealed class ProcNetDevTests
{
    [Test]
    public void Parse_EveryInterface_RxAndTxBytes()
    {
        const string netDev = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo: 221157377037 23644456    0    0    0     0          0         0 221157377037 23644456    0    0    0     0       0          0
              eth0: 261849028    7118    0    0    0     0          0         0   453488    5065    0    0    0     0       0          0
            wlp2s0:1234 5 0 0 0 0 0 0 5678 6 0 0 0 0 0 0

            """;

        Assert.That(ProcNetDev.Parse(netDev), Is.EqualTo(new[]
        {
            new NetSample("lo", null, null, 221157377037, 221157377037),
            new NetSample("eth0", null, null, 261849028, 453488),
            new NetSample("wlp2s0", null, null, 1234, 5678),
        }));
    }

    [Test]
    public void Parse_HeadersOnly_Empty() =>
        Assert.That(ProcNetDev.Parse("Inter-|   Receive |  Transmit\n face |bytes packets|bytes packets\n"), Is.Empty);

    [Test]
    public void Parse_TruncatedLine_Skipped() => Assert.That(ProcNetDev.Parse("  eth0: 1 2 3\n"), Is.Empty);
}
