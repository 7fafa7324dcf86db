using CloudFs.Common.Paths;

namespace CloudFs.UnitTests.Common;

public sealed class PercentDecodingTests
{
    // Python's unquote leaves a malformed escape as it is; Swift decodes names with it.
    [TestCase("a%20b", false, "a b")]
    [TestCase("a+b", false, "a+b")]
    [TestCase("a+b", true, "a b")]
    [TestCase("%", false, "%")]
    [TestCase("%4", false, "%4")]
    [TestCase("%G1", false, "%G1")]
    [TestCase("%E6%97%A5本", false, "日本")]
    [TestCase("😀%F0%9F%98%80", false, "😀😀")]
    public void TryDecode_Text_AsPythonUnquote(string text, bool plusIsSpace, string expected)
    {
        Assert.That(PercentDecoding.TryDecode(text, plusIsSpace, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("%FF")]
    [TestCase("%C3")]
    [TestCase("%ED%A0%80")]
    public void TryDecode_NotUtf8_False(string text) =>
        Assert.That(PercentDecoding.TryDecode(text, false, out _), Is.False);

    [Test]
    public void TryDecodeName_Nul_False() => Assert.That(PercentDecoding.TryDecodeName("a%00b", out _), Is.False);
}
