using CloudFs.Common.Time;
using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class ConditionalRequestTests
{
    private const string Etag = "d41d8cd98f00b204e9800998ecf8427e";

    // 2024-11-24T09:40:34.5Z: Last-Modified rounds up to 09:40:35.
    private static readonly Timestamp Modified = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 11, 24, 9, 40, 34, 500, TimeSpan.Zero));

    private static ConditionalResult Eval(string? ifMatch = null, string? ifNoneMatch = null, string? ims = null, string? ius = null) =>
        ConditionalRequest.Evaluate(Etag, Modified, ifMatch, ifNoneMatch, ims, ius);

    [Test]
    public void Evaluate_NoHeaders_Proceeds() => Assert.That(Eval(), Is.EqualTo(ConditionalResult.Proceed));

    [TestCase("\"d41d8cd98f00b204e9800998ecf8427e\"")]
    [TestCase("d41d8cd98f00b204e9800998ecf8427e")]
    [TestCase("\"x\", \"d41d8cd98f00b204e9800998ecf8427e\"")]
    [TestCase("*")]
    public void Evaluate_IfMatchMatching_Proceeds(string header) => Assert.That(Eval(ifMatch: header), Is.EqualTo(ConditionalResult.Proceed));

    // Swift's swob drops quotes only: a weak tag never matches (recorded: conditional/get-if-match-weak).
    [Test]
    public void Evaluate_IfMatchWeak_Is412() =>
        Assert.That(Eval(ifMatch: "W/\"d41d8cd98f00b204e9800998ecf8427e\""), Is.EqualTo(ConditionalResult.PreconditionFailed));

    [Test]
    public void Evaluate_IfNoneMatchWeak_Proceeds() =>
        Assert.That(Eval(ifNoneMatch: "W/\"d41d8cd98f00b204e9800998ecf8427e\""), Is.EqualTo(ConditionalResult.Proceed));

    [Test]
    public void Evaluate_IfMatchOther_Is412() => Assert.That(Eval(ifMatch: "\"abc\""), Is.EqualTo(ConditionalResult.PreconditionFailed));

    [TestCase("*")]
    [TestCase("\"d41d8cd98f00b204e9800998ecf8427e\"")]
    public void Evaluate_IfNoneMatchMatching_Is304(string header) => Assert.That(Eval(ifNoneMatch: header), Is.EqualTo(ConditionalResult.NotModified));

    [Test]
    public void Evaluate_IfNoneMatchOther_Proceeds() => Assert.That(Eval(ifNoneMatch: "\"abc\""), Is.EqualTo(ConditionalResult.Proceed));

    [TestCase("Sun, 24 Nov 2024 09:40:35 GMT", ConditionalResult.NotModified)]
    [TestCase("Sun, 24 Nov 2024 10:00:00 GMT", ConditionalResult.NotModified)]
    [TestCase("Sun, 24 Nov 2024 09:40:34 GMT", ConditionalResult.Proceed)]
    [TestCase("not a date", ConditionalResult.Proceed)]
    public void Evaluate_IfModifiedSince_ComparesWholeSeconds(string date, ConditionalResult expected) =>
        Assert.That(Eval(ims: date), Is.EqualTo(expected));

    // Swift checks If-Modified-Since whatever If-None-Match said (recorded: conditional/get-none-match-and-modified-future).
    [Test]
    public void Evaluate_IfModifiedSinceWithIfNoneMatchOther_Is304() =>
        Assert.That(Eval(ifNoneMatch: "\"abc\"", ims: "Sun, 24 Nov 2024 10:00:00 GMT"), Is.EqualTo(ConditionalResult.NotModified));

    // If-None-Match wins over a failing If-Match (recorded: conditional/get-match-wrong-and-none-match-right).
    [Test]
    public void Evaluate_IfNoneMatchMatchingWithIfMatchOther_Is304() =>
        Assert.That(Eval(ifMatch: "\"abc\"", ifNoneMatch: "d41d8cd98f00b204e9800998ecf8427e"), Is.EqualTo(ConditionalResult.NotModified));

    [Test]
    public void Evaluate_IfMatchEmpty_Is412() => Assert.That(Eval(ifMatch: ""), Is.EqualTo(ConditionalResult.PreconditionFailed));

    [TestCase("Sun, 24 Nov 2024 10:00:00 GMT")]
    [TestCase("Sunday, 24-Nov-24 10:00:00 GMT")]
    [TestCase("Sun Nov 24 10:00:00 2024")]
    [TestCase("Fri Jan  1 00:00:00 2100")]
    public void Evaluate_IfModifiedSince_ReadsEveryHttpDateForm(string date) =>
        Assert.That(Eval(ims: date), Is.EqualTo(ConditionalResult.NotModified));

    [TestCase("Sun, 24 Nov 2024 09:40:34 GMT", ConditionalResult.PreconditionFailed)]
    [TestCase("Sun, 24 Nov 2024 09:40:35 GMT", ConditionalResult.Proceed)]
    public void Evaluate_IfUnmodifiedSince_FailsWhenModifiedLater(string date, ConditionalResult expected) =>
        Assert.That(Eval(ius: date), Is.EqualTo(expected));

    // Swift 2.30.1 answers 412 here, although RFC 9110 would have If-Match win.
    [TestCase("*")]
    [TestCase("\"d41d8cd98f00b204e9800998ecf8427e\"")]
    public void Evaluate_IfMatchAndIfUnmodifiedSince_BothChecked(string ifMatch) =>
        Assert.That(Eval(ifMatch: ifMatch, ius: "Sun, 24 Nov 2024 09:00:00 GMT"), Is.EqualTo(ConditionalResult.PreconditionFailed));
}
