namespace CloudFs.UnitTests.Ring;

/// <summary>A TimeProvider whose clock only moves when a test says so.</summary>
internal sealed class RingTestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public RingTestClock()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
