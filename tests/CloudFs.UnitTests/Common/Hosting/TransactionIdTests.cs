using System.Text.RegularExpressions;
using CloudFs.Common.Http;

namespace CloudFs.UnitTests.Common.Hosting;

public class TransactionIdTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public void New_NoExtra_HasSwiftShape()
    {
        var id = TransactionId.New(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(0x65a1b2c3)));

        Assert.That(id, Does.Match("^tx[0-9a-f]{21}-0065a1b2c3$"));
        Assert.That(TransactionId.IsWellFormed(id), Is.True);
    }

    [Test]
    public void New_WithExtra_AppendsQuotedSuffixCappedAt32()
    {
        var id = TransactionId.New(TimeProvider.System, "my job/" + new string('x', 40));

        Assert.That(id, Does.EndWith("my%20job%2F" + new string('x', 25)));
    }

    [Test]
    public void New_TwoCalls_Differ() =>
        Assert.That(TransactionId.New(TimeProvider.System), Is.Not.EqualTo(TransactionId.New(TimeProvider.System)));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("hello")]
    [TestCase("txZZZZZZZZZZZZZZZZZZZZZ-0065a1b2c3")]
    public void IsWellFormed_Garbage_IsFalse(string? value) => Assert.That(TransactionId.IsWellFormed(value), Is.False);

    [Test]
    public void New_Ids_SortByTime()
    {
        var early = TransactionId.New(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1000)));
        var late = TransactionId.New(new FixedTime(DateTimeOffset.FromUnixTimeSeconds(2000)));

        Assert.That(Regex.Match(early, "-(.*)$").Value, Is.LessThan(Regex.Match(late, "-(.*)$").Value));
    }
}
