using CloudFs.AccountServer.Core.Hosts;

namespace CloudFs.UnitTests.AccountServer;

public class HostStatsOptionsTests
{
    private static readonly HostStatsOptions Options = new() { SilentAfterReports = 3, SilentGraceSeconds = 10 };

    [TestCase(40_000, false)]
    [TestCase(40_001, true)]
    public void IsSilent_AfterMissedReportsAndGrace(long sinceLastReport, bool silent) =>
        Assert.That(Options.IsSilent(lastSeen: 1_000_000, intervalSeconds: 10, now: 1_000_000 + sinceLastReport), Is.EqualTo(silent));

    [Test]
    public void IsSilent_NoIntervalReported_CountsOneSecondReports() =>
        Assert.That(Options.IsSilent(lastSeen: 0, intervalSeconds: 0, now: 13_001), Is.True);
}
