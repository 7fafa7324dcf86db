using CloudFs.AccountServer.Fsck;

namespace CloudFs.UnitTests.AccountServer.Fsck;

public class FsckReportTests
{
    [Test]
    public void NothingFound_IsClean()
    {
        var report = new FsckReport();
        report.Check();

        Assert.That(report.IsClean(repaired: false), Is.True);
        Assert.That(report.IsClean(repaired: true), Is.True);
    }

    [Test]
    public void MissingReplica_IsNotClean_UnlessRepaired()
    {
        var report = new FsckReport();
        report.Missing();
        Assert.That(report.IsClean(repaired: false), Is.False);

        report.Repair();
        Assert.That(report.IsClean(repaired: true), Is.True, "repaired: nothing left");
    }

    [Test]
    public void Orphan_IsNotClean_UnlessCollected()
    {
        var report = new FsckReport();
        report.Orphan();
        Assert.That(report.IsClean(repaired: false), Is.False);
        Assert.That(report.IsClean(repaired: true), Is.False, "an orphan --repair could not delete is still there");

        report.Collect();
        Assert.That(report.IsClean(repaired: true), Is.True);
    }

    [Test]
    public void Unrepairable_OrUnverified_IsNeverClean()
    {
        var lost = new FsckReport();
        lost.Missing();
        lost.Unrepaired();
        var unknown = new FsckReport();
        unknown.Unverify();

        Assert.That(lost.IsClean(repaired: true), Is.False);
        Assert.That(unknown.IsClean(repaired: false), Is.False, "a replica nobody could ask is not known to be there");
        Assert.That(unknown.IsClean(repaired: true), Is.False);
    }

    [Test]
    public void UsageDrift_DoesNotCount()
    {
        var report = new FsckReport { UsageDrifts = 2 };

        Assert.That(report.IsClean(repaired: false), Is.True);
    }
}
