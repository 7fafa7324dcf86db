using CloudFs.Ring;
using HashRing = CloudFs.Ring.Ring;

namespace CloudFs.UnitTests.Ring;

public class RingProviderTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = RingFixtures.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    [Test]
    public void Current_FileReplacedAndIntervalPassed_ServesNewRing()
    {
        var clock = new RingTestClock();
        WriteRing(partPower: 6);
        var provider = new RingProvider(_dir, RingRoles.Account, "p", "s", clock, TimeSpan.FromSeconds(15));
        HashRing first = provider.Current;

        WriteRing(partPower: 7);
        HashRing beforeInterval = provider.Current;
        clock.Advance(TimeSpan.FromSeconds(16));
        HashRing after = WaitForChange(provider, first);

        Assert.Multiple(() =>
        {
            Assert.That(first.PartPower, Is.EqualTo(6));
            Assert.That(beforeInterval, Is.SameAs(first), "no check before the interval has passed");
            Assert.That(after.PartPower, Is.EqualTo(7));
        });
    }

    [Test]
    public void Refresh_FileChanged_SwapsSynchronously()
    {
        WriteRing(partPower: 6);
        var provider = new RingProvider(_dir, RingRoles.Container, HashPathOptions.None, new RingTestClock());

        WriteRing(partPower: 9);
        bool swapped = provider.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(swapped, Is.True);
            Assert.That(provider.Current.PartPower, Is.EqualTo(9));
            Assert.That(provider.Refresh(), Is.False, "unchanged file, no reload");
        });
    }

    [Test]
    public void Refresh_DamagedFile_KeepsOldRingAndReportsError()
    {
        WriteRing(partPower: 6);
        var provider = new RingProvider(_dir, RingRoles.Object, HashPathOptions.None, new RingTestClock());

        File.WriteAllText(RingRoles.RingPath(_dir, RingRoles.Object), "not a ring at all");
        bool swapped = provider.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(swapped, Is.False);
            Assert.That(provider.Current.PartPower, Is.EqualTo(6));
            Assert.That(provider.LastError, Is.InstanceOf<InvalidDataException>());
        });
    }

    [Test]
    public void Constructor_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => _ = new RingProvider(_dir, RingRoles.Object, HashPathOptions.None));
    }

    private static HashRing WaitForChange(RingProvider provider, HashRing old)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        HashRing current = provider.Current;
        while (ReferenceEquals(current, old) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
            current = provider.Current;
        }

        return current;
    }

    private void WriteRing(int partPower)
    {
        RingData data = RingFixtures.TwelveDevices(partPower: partPower).Let(b => b.Rebalance(1)).GetRingData();
        foreach (string role in new[] { RingRoles.Account, RingRoles.Container, RingRoles.Object })
        {
            RingFile.Save(data, RingRoles.RingPath(_dir, role));
        }
    }
}
