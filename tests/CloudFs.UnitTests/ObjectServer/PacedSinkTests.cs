using CloudFs.ObjectServer.Auditing;
using CloudFs.ObjectServer.Daemons;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.UnitTests.ObjectServer;

public class PacedSinkTests
{
    [Test]
    public async Task WriteAsync_BeyondTheRate_WaitsForThePacerAndCounts()
    {
        var time = new FakeTimeProvider();
        var sink = new PacedSink(new BytePacer(1000, time));

        var write = sink.WriteAsync(new byte[2000]);

        Assert.That(write.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(1.9));
        await write;
        Assert.That(sink.BytesWritten, Is.EqualTo(2000));
    }
}
