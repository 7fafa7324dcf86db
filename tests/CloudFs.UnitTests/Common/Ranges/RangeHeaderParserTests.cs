using CloudFs.Common.Ranges;

namespace CloudFs.UnitTests.Common.Ranges;

public class RangeHeaderParserTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Parse_NoHeader_Full(string? header) =>
        Assert.That(RangeHeaderParser.Parse(header, 100).Outcome, Is.EqualTo(RangeOutcome.Full));

    [TestCase("bytes=0-9", 0, 10)]
    [TestCase("bytes=10-", 10, 90)]
    [TestCase("bytes=-10", 90, 10)]
    [TestCase("bytes=-1000", 0, 100)]
    [TestCase("bytes=90-1000", 90, 10)]
    [TestCase("bytes=99-99", 99, 1)]
    [TestCase("BYTES=5-6", 5, 2)]
    [TestCase("bytes= 5 - 6 ", 5, 2)]
    public void Parse_SingleRange_Resolved(string header, long start, long length)
    {
        var result = RangeHeaderParser.Parse(header, 100);

        Assert.That(result.Outcome, Is.EqualTo(RangeOutcome.Partial));
        Assert.That(result.Ranges, Is.EqualTo(new[] { new ByteRange(start, length) }));
    }

    [Test]
    public void Parse_SeveralRanges_KeptInOrderAsked()
    {
        var result = RangeHeaderParser.Parse("bytes=50-59,0-0,-5", 100);

        Assert.That(result.IsMultipart, Is.True);
        Assert.That(result.Ranges, Is.EqualTo(new[] { new ByteRange(50, 10), new ByteRange(0, 1), new ByteRange(95, 5) }));
    }

    // Swift (swob) allows blanks around the unit's '=' and around each range.
    [TestCase("bytes = 1-2, 5-6")]
    [TestCase(" BYTES =1-2 , 5-6 ")]
    public void Parse_LinearWhiteSpace_ParsedAsSwift(string header)
    {
        var result = RangeHeaderParser.Parse(header, 100);

        Assert.That(result.Ranges, Is.EqualTo(new[] { new ByteRange(1, 2), new ByteRange(5, 2) }));
    }

    [Test]
    public void Parse_SomeRangesPastEnd_DropsThem()
    {
        var result = RangeHeaderParser.Parse("bytes=200-300,0-4", 100);

        Assert.That(result.Outcome, Is.EqualTo(RangeOutcome.Partial));
        Assert.That(result.Ranges, Is.EqualTo(new[] { new ByteRange(0, 5) }));
    }

    [TestCase("bytes=100-")]
    [TestCase("bytes=100-200")]
    [TestCase("bytes=-0")]
    [TestCase("bytes=500-600,100-")]
    public void Parse_NothingOverlaps_Unsatisfiable(string header) =>
        Assert.That(RangeHeaderParser.Parse(header, 100).Outcome, Is.EqualTo(RangeOutcome.Unsatisfiable));

    [Test]
    public void Parse_EmptyEntity_AnyRangeUnsatisfiable() =>
        Assert.That(RangeHeaderParser.Parse("bytes=0-", 0).Outcome, Is.EqualTo(RangeOutcome.Unsatisfiable));

    [TestCase("items=0-5")]
    [TestCase("bytes=5-1")]
    [TestCase("bytes=-")]
    [TestCase("bytes=a-b")]
    [TestCase("bytes=1-5x")]
    [TestCase("bytes=0-5,garbage")]
    [TestCase("bytes=")]
    [TestCase("bytes=0-1,,5-6")]
    [TestCase("bytes=0-1,")]
    [TestCase("bytes=1-+5")]
    public void Parse_BadSyntax_IgnoredAsFull(string header) =>
        Assert.That(RangeHeaderParser.Parse(header, 100).Outcome, Is.EqualTo(RangeOutcome.Full));

    // Swift 2.30.1's answers, recorded in tests/Conformance (range/many-51, huge-start, huge-end, plus-sign).
    [Test]
    public void Parse_TooManyRanges_Unsatisfiable()
    {
        var header = "bytes=" + string.Join(',', Enumerable.Range(0, RangeHeaderParser.MaxRanges + 1).Select(i => $"{i}-{i}"));

        Assert.That(RangeHeaderParser.Parse(header, 1000).Outcome, Is.EqualTo(RangeOutcome.Unsatisfiable));
    }

    [Test]
    public void Parse_HugeStart_Unsatisfiable() =>
        Assert.That(RangeHeaderParser.Parse("bytes=99999999999999999999-", 100).Outcome, Is.EqualTo(RangeOutcome.Unsatisfiable));

    [Test]
    public void Parse_HugeEnd_RunsToTheEnd() =>
        Assert.That(RangeHeaderParser.Parse("bytes=5-99999999999999999999", 100).Ranges, Is.EqualTo(new[] { new ByteRange(5, 95) }));

    [TestCase("bytes=+1-5")]
    [TestCase("bytes=\t1-5")]
    public void Parse_StartReadAsPythonInt(string header) =>
        Assert.That(RangeHeaderParser.Parse(header, 100).Ranges, Is.EqualTo(new[] { new ByteRange(1, 5) }));

    [Test]
    public void Parse_ThreeOverlapping_Unsatisfiable() =>
        Assert.That(RangeHeaderParser.Parse("bytes=0-10,5-15,8-20", 100).Outcome, Is.EqualTo(RangeOutcome.Unsatisfiable));

    [Test]
    public void Parse_SuffixOfEmptyEntity_Full() =>
        Assert.That(RangeHeaderParser.Parse("bytes=-5", 0).Outcome, Is.EqualTo(RangeOutcome.Full));

    [Test]
    public void ToContentRange_Range_HttpFormat()
    {
        Assert.That(new ByteRange(10, 5).ToContentRange(100), Is.EqualTo("bytes 10-14/100"));
        Assert.That(ByteRange.UnsatisfiedContentRange(100), Is.EqualTo("bytes */100"));
    }
}
