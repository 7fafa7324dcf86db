using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Ring;
using CloudFs.UnitTests.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Backend;

public class RingSetTests : RingDirTestBase
{
    [Test]
    public async Task Object_RingCheckSecondsPassed_ServesTheRebalancedRing()
    {
        var clock = new RingTestClock();
        WriteObjectRing(partPower: 6);
        var rings = new RingSet(Options.Create(new ServerOptions { RingDir = Dir, RingCheckSeconds = 1 }),
            Options.Create(new ClusterOptions { HashPathSuffix = "tests" }), clock);
        var first = rings.Object.PartPower;

        WriteObjectRing(partPower: 7);
        // Two seconds: far inside the 15 s default, so only the setting can make the set look again.
        clock.Advance(TimeSpan.FromSeconds(2));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (rings.Object.PartPower != 7 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(6));
            Assert.That(rings.Object.PartPower, Is.EqualTo(7), "the ring file was checked after Server:RingCheckSeconds");
        });
    }

    private void WriteObjectRing(int partPower) =>
        RingFile.Save(RingFixtures.TwelveDevices(partPower: partPower).Let(b => b.Rebalance(1)).GetRingData(), RingRoles.RingPath(Dir, RingRoles.Object));
}
