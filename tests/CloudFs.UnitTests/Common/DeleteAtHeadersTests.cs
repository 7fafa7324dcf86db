using CloudFs.Common.Contracts;

namespace CloudFs.UnitTests.Common;

public class DeleteAtHeadersTests
{
    private const long Now = 1_732_441_234;

    [Test]
    public void Resolve_DeleteAfter_BecomesNowPlusSeconds() =>
        Assert.That(DeleteAtHeaders.Resolve(null, "60", Now).Value, Is.EqualTo(Now + 60));

    [Test]
    public void Resolve_Neither_IsNull() => Assert.That(DeleteAtHeaders.Resolve("", null, Now).Value, Is.Null);

    [TestCase(null, "abc", "Non-integer X-Delete-After")]
    [TestCase(null, "-1", "X-Delete-After in past")]
    [TestCase(null, "0", "X-Delete-After in past")]
    [TestCase("soon", null, "Non-integer X-Delete-At")]
    [TestCase("1000", null, "X-Delete-At in past")]
    public void Resolve_Bad_IsSwiftMessage(string? at, string? after, string message) =>
        Assert.That(DeleteAtHeaders.Resolve(at, after, Now).Error!.Message, Is.EqualTo(message));

    [TestCase("+1999999999", 1_999_999_999L)]
    [TestCase(" 1999999999 ", 1_999_999_999L)]
    [TestCase("9999999999", 9_999_999_999L)]
    [TestCase("99999999999", 9_999_999_999L)] // Swift stores the latest it allows
    [TestCase("9223372036854775807", 9_999_999_999L)]
    [TestCase("99999999999999999999999999", 9_999_999_999L)]
    public void Resolve_DeleteAtAsPythonIntReadsIt_IsAccepted(string at, long expected) =>
        Assert.That(DeleteAtHeaders.Resolve(at, null, Now).Value, Is.EqualTo(expected));

    [TestCase(null, null)]
    [TestCase("1999999999", 1_999_999_999L)]
    public void ParseResolved_ForwardedValue_SameRuleAsTheProxy(string? at, long? expected) =>
        Assert.That(DeleteAtHeaders.ParseResolved(at).Value, Is.EqualTo(expected));

    [TestCase("0")]
    [TestCase("x")]
    [TestCase("1.5")]
    public void ParseResolved_NotAPositiveInteger_IsBadRequest(string at) =>
        Assert.That(DeleteAtHeaders.ParseResolved(at).Error!.Message, Is.EqualTo("Non-integer X-Delete-At"));

    [TestCase(null, null, null)]
    [TestCase("1999999999", 1_999_999_999L, null)]
    [TestCase("0", null, null)]
    [TestCase("abc", 1_999_999_999L, "Bad X-If-Delete-At header value")]
    [TestCase("1999999998", 1_999_999_999L, "X-If-Delete-At and X-Delete-At do not match")]
    [TestCase("1999999999", null, "X-If-Delete-At and X-Delete-At do not match")]
    public void CheckIfDeleteAt_AsSwiftObjectServer(string? header, long? current, string? message) =>
        Assert.That(DeleteAtHeaders.CheckIfDeleteAt(header, current)?.Message, Is.EqualTo(message));
}
