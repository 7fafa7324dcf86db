using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class RingProviderTests : RingDirTestBase
{
    [Test]
    public void Current_FileReplacedAndIntervalPassed_ServesNewRing()
    {
        var clock = new RingTestClock();
        WriteRing(partPower: 6);
        var provider = new RingProvider(Dir, RingRoles.Account, "p", "s", clock, TimeSpan.FromSeconds(15));
        var first = provider.Current;

        WriteRing(partPower: 7);
        var beforeInterval = provider.Current;
        clock.Advance(TimeSpan.FromSeconds(16));
        var after = WaitForReload(provider);

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
        var provider = new RingProvider(Dir, RingRoles.Container, HashPathOptions.None, new RingTestClock());

        WriteRing(partPower: 9);
        var swapped = provider.Refresh();

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
        var provider = new RingProvider(Dir, RingRoles.Object, HashPathOptions.None, new RingTestClock());

        File.WriteAllText(RingRoles.RingPath(Dir, RingRoles.Object), "not a ring at all");
        var swapped = provider.Refresh();

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
        Assert.Throws<FileNotFoundException>(() => _ = new RingProvider(Dir, RingRoles.Object, HashPathOptions.None));
    }

    // The first lookup past the interval starts a reload in the background; its Reloaded
    // event says when the new ring is in place, so the test waits for that, not a clock.
    private static HashRing WaitForReload(RingProvider provider)
    {
        var reloaded = new TaskCompletionSource<HashRing>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += ring => reloaded.TrySetResult(ring);
        _ = provider.Current;
        return reloaded.Task.Wait(TimeSpan.FromSeconds(10)) ? provider.Current : throw new TimeoutException("ring not reloaded within 10 s");
    }

    private void WriteRing(int partPower)
    {
        var data = RingFixtures.TwelveDevices(partPower: partPower).Let(b => b.Rebalance(1)).GetRingData();
        foreach (var role in new[] { RingRoles.Account, RingRoles.Container, RingRoles.Object })
        {
            RingFile.Save(data, RingRoles.RingPath(Dir, role));
        }
    }
}
