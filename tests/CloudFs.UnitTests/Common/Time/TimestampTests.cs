using CloudFs.Common.Time;

namespace CloudFs.UnitTests.Common.Time;

public class TimestampTests
{
    [TestCase("1732441234.56789", 173_244_123_456_789L)]
    [TestCase("1732441234.5", 173_244_123_450_000L)]
    [TestCase("1732441234", 173_244_123_400_000L)]
    [TestCase("0000000001.00000", 100_000L)]
    [TestCase("1732441234.56789_0000000000000001", 173_244_123_456_789L)]
    [TestCase("1732441234.567891", 173_244_123_456_789L)] // a sixth decimal is cut, not rounded
    [TestCase("9999999999.00000", 999_999_999_900_000L)]
    public void TryParse_ValidText_GivesUnits(string text, long units)
    {
        Assert.That(Timestamp.TryParse(text, out var value), Is.True);
        Assert.That(value.Units, Is.EqualTo(units));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("-1.00000")]
    [TestCase("1e9")]
    [TestCase("10000000000.00000")]
    [TestCase(" 1.0")]
    [TestCase("_1")]
    public void TryParse_InvalidText_IsFalseAndDefault(string? text)
    {
        Assert.That(Timestamp.TryParse(text, out var value), Is.False);
        Assert.That(value, Is.EqualTo(default(Timestamp)));
    }

    [TestCase(173_244_123_456_789L, "1732441234.56789")]
    [TestCase(100_000L, "0000000001.00000")]
    [TestCase(1L, "0000000000.00001")]
    [TestCase(0L, "0000000000.00000")]
    public void ToHeader_Units_AreTenDigitsDotFive(long units, string header)
    {
        Assert.That(new Timestamp(units).ToHeader(), Is.EqualTo(header));
        Assert.That(new Timestamp(units).ToString(), Is.EqualTo(header));
    }

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(173_244_123_456_789L)]
    [TestCase(999_999_999_900_000L)]
    public void ToHeaderThenTryParse_AnyUnits_RoundTrips(long units)
    {
        Assert.That(Timestamp.TryParse(new Timestamp(units).ToHeader(), out var back), Is.True);
        Assert.That(back, Is.EqualTo(new Timestamp(units)));
    }

    [Test]
    public void FromDateTimeOffset_ThenBack_KeepsTenMicrosecondUnits()
    {
        var at = new DateTimeOffset(2024, 11, 24, 9, 40, 34, TimeSpan.Zero).AddTicks(5_678_912);

        var stamp = Timestamp.FromDateTimeOffset(at);

        Assert.That(stamp.ToHeader(), Is.EqualTo("1732441234.56789"));
        Assert.That(stamp.ToDateTimeOffset(), Is.EqualTo(at.AddTicks(-12)), "ticks below 10 µs are dropped");
        Assert.That(Timestamp.FromDateTimeOffset(stamp.ToDateTimeOffset()), Is.EqualTo(stamp));
    }

    [Test]
    public void FromDateTimeOffset_OtherOffset_UsesUtcInstant()
    {
        var utc = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Assert.That(Timestamp.FromDateTimeOffset(utc.ToOffset(TimeSpan.FromHours(5))), Is.EqualTo(Timestamp.FromDateTimeOffset(utc)));
    }

    [Test]
    public void Now_ReadsTheGivenClock()
    {
        var time = new CloudFs.UnitTests.Proxy.ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

        Assert.That(Timestamp.Now(time).ToHeader(), Is.EqualTo("1700000000.00000"));
        time.Advance(TimeSpan.FromMilliseconds(1.5));
        Assert.That(Timestamp.Now(time).ToHeader(), Is.EqualTo("1700000000.00150"));
    }

    [Test]
    public void ToIso_IsSwiftListingForm()
    {
        Assert.That(new Timestamp(170_418_744_512_345L).ToIso(), Is.EqualTo("2024-01-02T09:24:05.123450"));
    }

    [TestCase(170_418_744_500_000L, "Tue, 02 Jan 2024 09:24:05 GMT")]
    [TestCase(170_418_744_500_001L, "Tue, 02 Jan 2024 09:24:06 GMT")] // a fraction rounds up, as Swift does
    public void ToHttpDate_RoundsUpToWholeSeconds(long units, string date)
    {
        Assert.That(new Timestamp(units).ToHttpDate(), Is.EqualTo(date));
    }

    [Test]
    public void Ordering_ByUnits_OperatorsAndCompareToAgree()
    {
        var older = new Timestamp(100);
        var newer = new Timestamp(101);

        Assert.That(older < newer && newer > older && older <= newer && newer >= older, Is.True);
        Assert.That(older <= new Timestamp(100) && older >= new Timestamp(100), Is.True);
        Assert.That(newer < older || older > newer, Is.False);
        Assert.That(older.CompareTo(newer), Is.Negative);
        Assert.That(newer.CompareTo(older), Is.Positive);
        Assert.That(older.CompareTo(new Timestamp(100)), Is.Zero);
    }

    [Test]
    public void Ordering_Sort_MatchesHeaderTextOrder()
    {
        // Fixed-width headers sort as text the way the values sort as numbers.
        var stamps = new[] { 173_244_123_456_789L, 5L, 100_000L, 999_999_999_900_000L, 173_244_123_456_788L }.Select(u => new Timestamp(u)).ToList();

        var byValue = stamps.Order().Select(s => s.ToHeader());
        var byText = stamps.Select(s => s.ToHeader()).Order(StringComparer.Ordinal);

        Assert.That(byValue, Is.EqualTo(byText));
    }
}
