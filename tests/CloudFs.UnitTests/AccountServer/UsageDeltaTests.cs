using CloudFs.AccountServer.Core;

namespace CloudFs.UnitTests.AccountServer;

public class UsageDeltaTests
{
    [Test]
    public void Used_MovesOnlyUsageCounters() =>
        Assert.That(UsageDelta.Used(10, 1), Is.EqualTo(new UsageDelta(10, 1, 0, 0)));

    [Test]
    public void Reserved_MovesOnlyReservationCounters() =>
        Assert.That(UsageDelta.Reserved(10, 1), Is.EqualTo(new UsageDelta(0, 0, 10, 1)));

    [Test]
    public void Plus_AddsEachCounter() =>
        Assert.That(UsageDelta.Used(10, 1) + UsageDelta.Reserved(5, 2) + UsageDelta.Used(1, 1), Is.EqualTo(new UsageDelta(11, 2, 5, 2)));

    [Test]
    public void Minus_NegatesEachCounter() =>
        Assert.That(-new UsageDelta(1, 2, 3, 4), Is.EqualTo(new UsageDelta(-1, -2, -3, -4)));
}
