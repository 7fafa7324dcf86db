using CloudFs.ObjectServer.Daemons;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.UnitTests.ObjectServer;

public class BytePacerTests
{
    [Test]
    public void PaceAsync_WithinTheBurst_DoesNotWait()
    {
        var pacer = new BytePacer(1000, new FakeTimeProvider());

        Assert.That(pacer.PaceAsync(100, CancellationToken.None).IsCompleted, Is.True); // 0.1 s of budget
    }

    [Test]
    public void PaceAsync_BeyondTheRate_WaitsUntilTheClockCatchesUp()
    {
        var time = new FakeTimeProvider();
        var pacer = new BytePacer(1000, time);

        var paced = pacer.PaceAsync(2000, CancellationToken.None).AsTask(); // 2 s of work

        time.Advance(TimeSpan.FromSeconds(1.8));
        Assert.That(paced.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.That(paced.IsCompleted, Is.True);
    }

    [Test]
    public void PaceAsync_ConcurrentCallers_ShareOneRate()
    {
        var time = new FakeTimeProvider();
        var pacer = new BytePacer(1000, time);

        var first = pacer.PaceAsync(1000, CancellationToken.None).AsTask();
        var second = pacer.PaceAsync(1000, CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromSeconds(0.9));
        Assert.That(first.IsCompleted, Is.True);
        Assert.That(second.IsCompleted, Is.False, "the second caller's bytes come after the first's");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(second.IsCompleted, Is.True);
    }

    [Test]
    public void PaceAsync_ZeroRate_NeverWaits()
    {
        var pacer = new BytePacer(0, new FakeTimeProvider());

        Assert.That(pacer.PaceAsync(long.MaxValue, CancellationToken.None).IsCompleted, Is.True);
    }
}
