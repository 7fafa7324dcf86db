using CloudFs.Backend;
using CloudFs.Ring;
using CloudFs.UnitTests.Proxy;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Backend;

public class NodeErrorLimiterTests
{
    private static readonly RingDevice Node = new(0, 1, 1, "127.0.0.1", 7013, "d1", 100);

    private static (NodeErrorLimiter, ManualTimeProvider) Create()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var options = Options.Create(new BackendOptions { ErrorSuppressionLimit = 3, ErrorSuppressionIntervalSeconds = 60 });
        return (new NodeErrorLimiter(options, time), time);
    }

    [Test]
    public void IsLimited_BelowLimit_False_AtLimit_True()
    {
        var (limiter, _) = Create();
        limiter.RecordError(Node);
        limiter.RecordError(Node);
        Assert.That(limiter.IsLimited(Node), Is.False);

        limiter.RecordError(Node);
        Assert.That(limiter.IsLimited(Node), Is.True);
    }

    [Test]
    public void IsLimited_AfterInterval_NodeIsTriedAgain()
    {
        var (limiter, time) = Create();
        for (var i = 0; i < 3; i++)
        {
            limiter.RecordError(Node);
        }

        time.Advance(TimeSpan.FromSeconds(61));

        Assert.That(limiter.IsLimited(Node), Is.False);
    }

    [Test]
    public void RecordSuccess_ClearsErrors()
    {
        var (limiter, _) = Create();
        for (var i = 0; i < 3; i++)
        {
            limiter.RecordError(Node);
        }

        limiter.RecordSuccess(Node);

        Assert.That(limiter.IsLimited(Node), Is.False);
    }

    [Test]
    public void Totals_CountEveryError_AndLimitedCountOnlyTheSkippedNodes()
    {
        var (limiter, time) = Create();
        var other = Node with { Device = "d2" };
        for (var i = 0; i < 3; i++)
        {
            limiter.RecordError(Node);
        }

        limiter.RecordError(other);
        limiter.RecordSuccess(Node);
        limiter.RecordError(Node);

        Assert.Multiple(() =>
        {
            Assert.That(limiter.ErrorTotals().ToDictionary(e => e.Node, e => e.Errors),
                Is.EqualTo(new Dictionary<string, long> { ["127.0.0.1:7013/d1"] = 4, ["127.0.0.1:7013/d2"] = 1 }));
            Assert.That(limiter.LimitedCount(), Is.Zero, "a success cleared d1's run of errors");
        });

        limiter.RecordError(Node);
        limiter.RecordError(Node);
        Assert.That(limiter.LimitedCount(), Is.EqualTo(1));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.That(limiter.LimitedCount(), Is.Zero);
    }
}
