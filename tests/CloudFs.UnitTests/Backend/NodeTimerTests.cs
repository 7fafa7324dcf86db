using CloudFs.Backend;

namespace CloudFs.UnitTests.Backend;

public class NodeTimerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Test]
    public void Token_SilentForTheTimeout_IsCancelled()
    {
        var clock = new TimerTimeProvider(DateTimeOffset.UnixEpoch);
        using var timer = new NodeTimer(Timeout, clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(timer.Token.IsCancellationRequested, Is.False);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(timer.Token.IsCancellationRequested, Is.True);
    }

    [Test]
    public void Restart_EachChunk_KeepsALongCopyAlive()
    {
        var clock = new TimerTimeProvider(DateTimeOffset.UnixEpoch);
        using var timer = new NodeTimer(Timeout, clock, CancellationToken.None);

        for (var chunk = 0; chunk < 10; chunk++)
        {
            clock.Advance(TimeSpan.FromSeconds(20));
            timer.Restart();
        }

        Assert.That(timer.Token.IsCancellationRequested, Is.False, "200 s in all, never 30 s silent");
        clock.Advance(Timeout);
        Assert.That(timer.Token.IsCancellationRequested, Is.True);
    }

    [Test]
    public void Token_CallerCancels_IsCancelled()
    {
        using var caller = new CancellationTokenSource();
        using var timer = new NodeTimer(Timeout, new TimerTimeProvider(DateTimeOffset.UnixEpoch), caller.Token);

        caller.Cancel();

        Assert.That(timer.Token.IsCancellationRequested, Is.True);
    }

    [Test]
    public void Restart_AfterDispose_DoesNothing()
    {
        var timer = new NodeTimer(Timeout, new TimerTimeProvider(DateTimeOffset.UnixEpoch), CancellationToken.None);
        timer.Dispose();

        Assert.DoesNotThrow(timer.Restart);
    }
}
