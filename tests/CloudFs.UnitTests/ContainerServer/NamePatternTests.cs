using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class NamePatternTests
{
    [TestCase(null, NamePatternKind.Any, "")]
    [TestCase("", NamePatternKind.Any, "")]
    [TestCase("*", NamePatternKind.Any, "")]
    [TestCase("cat", NamePatternKind.Substring, "")]
    [TestCase("cat*", NamePatternKind.Prefix, "cat")]
    [TestCase("c?t*", NamePatternKind.Glob, "c")]
    [TestCase("*cat", NamePatternKind.Glob, "")]
    [TestCase("ca*t*", NamePatternKind.Glob, "ca")]
    [TestCase("cat?", NamePatternKind.Glob, "cat")]
    public void Parse_Pattern_KindAndLiteralPrefix(string? pattern, NamePatternKind kind, string literal)
    {
        var parsed = NamePattern.Parse(pattern);

        Assert.That(parsed.Kind, Is.EqualTo(kind));
        Assert.That(parsed.LiteralPrefix, Is.EqualTo(literal));
    }

    [TestCase("cat", "bobcat.png", true)]
    [TestCase("cat", "Cat.png", false)]
    [TestCase("cat*", "catalog", true)]
    [TestCase("cat*", "bobcat", false)]
    [TestCase("cat.???", "cat.jpg", true)]
    [TestCase("cat.???", "cat.jpeg", false)]
    [TestCase("caf?.txt", "café.txt", true)]
    [TestCase("?", "😀", true)]
    [TestCase("*a*b", "xaxxb", true)]
    [TestCase("*a*b", "xaxxbc", false)]
    [TestCase("100%", "100%.txt", true)]
    [TestCase("a_b", "axb", false)]
    public void Matches_Name_AsGlob(string pattern, string name, bool expected) =>
        Assert.That(NamePattern.Parse(pattern).Matches(name), Is.EqualTo(expected));

    [TestCase("cat", "%cat%")]
    [TestCase("cat*", "cat%")]
    [TestCase("100%_\\", "%100\\%\\_\\\\%")]
    [TestCase("a?b*c", "a_b%c")]
    [TestCase("a_?", "a\\__")]
    public void ToLike_Pattern_EscapesAndTranslates(string pattern, string like) =>
        Assert.That(NamePattern.Parse(pattern).ToLike(), Is.EqualTo(like));

    [TestCase("cat", "*cat*")]
    [TestCase("cat*", "cat*")]
    [TestCase("[x]", "*[[]x]*")]
    [TestCase("a?[*", "a?[[]*")]
    public void ToGlob_Pattern_EscapesBracket(string pattern, string glob) =>
        Assert.That(NamePattern.Parse(pattern).ToGlob(), Is.EqualTo(glob));
}
