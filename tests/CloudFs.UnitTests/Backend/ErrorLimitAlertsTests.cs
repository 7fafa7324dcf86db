using CloudFs.Backend;
using CloudFs.Backend.Hosts;
using CloudFs.Ring;
using CloudFs.UnitTests.Proxy;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Backend;

public class ErrorLimitAlertsTests
{
    [Test]
    public void Current_NamesEachErrorLimitedNode_UntilItsIntervalPasses()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var options = Options.Create(new BackendOptions { ErrorSuppressionLimit = 2, ErrorSuppressionIntervalSeconds = 60 });
        var limiter = new NodeErrorLimiter(options, time);
        var alerts = new ErrorLimitAlerts(limiter, options);
        var bad = new RingDevice(0, 1, 1, "127.0.0.2", 7013, "d1", 100);
        var flaky = new RingDevice(1, 1, 1, "127.0.0.3", 7013, "d1", 100);

        limiter.RecordError(bad);
        limiter.RecordError(bad);
        limiter.RecordError(flaky);
        var limited = alerts.Current().ToList();
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.That(limited.Select(a => (a.Kind, a.Subject)), Is.EqualTo(new[] { ("node_error_limited", "127.0.0.2:7013/d1") }));
        Assert.That(alerts.Current(), Is.Empty, "tried again after the interval");
    }
}
