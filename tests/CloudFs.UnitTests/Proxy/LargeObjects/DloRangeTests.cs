using CloudFs.Common.Ranges;
using CloudFs.Proxy.LargeObjects;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

public class DloRangeTests
{
    [Test]
    public void Decide_OneRange_IsHonoured()
    {
        var decided = DloRange.Decide("bytes=2-6", 13);

        Assert.That(decided.Outcome, Is.EqualTo(RangeOutcome.Partial));
        Assert.That(decided.Ranges, Is.EqualTo(new[] { new ByteRange(2, 5) }));
    }

    [Test]
    public void Decide_OneRangePastTheEnd_IsUnsatisfiable()
    {
        Assert.That(DloRange.Decide("bytes=13-", 13).Outcome, Is.EqualTo(RangeOutcome.Unsatisfiable));
    }

    [TestCase("bytes=0-1,5-6")]
    [TestCase("bytes=50-60,0-1")] // only one of them is satisfiable: still two named, so the whole body
    [TestCase("bytes=50-60,70-80")]
    [TestCase("bytes=0-1,")] // malformed: ignored
    [TestCase("items=0-1")]
    [TestCase(null)]
    public void Decide_NotExactlyOneRange_IsTheWholeBody(string? header)
    {
        Assert.That(DloRange.Decide(header, 13).Outcome, Is.EqualTo(RangeOutcome.Full));
    }
}
