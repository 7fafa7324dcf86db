using System.Text;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class NameHelpersTests
{
    [TestCase("a", "b")]
    [TestCase("\uFFFF", "😀")]
    [TestCase("\uE000", "😀")]
    [TestCase("😀", "😁")]
    [TestCase("ab", "abc")]
    [TestCase("Z", "a")]
    public void Compare_ByUtf8Bytes_LeftBeforeRight(string left, string right)
    {
        Assert.That(Utf8Order.Compare(left, right), Is.LessThan(0));
        Assert.That(Utf8Order.Compare(right, left), Is.GreaterThan(0));
        Assert.That(Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right)), Is.LessThan(0));
    }

    [TestCase("a/", "a0")]
    [TestCase("pre", "prf")]
    [TestCase("é", "ê")]
    [TestCase("x😀", "x😁")]
    [TestCase("\uD7FF", "\uE000")]
    public void NextAfter_LastCharacter_Incremented(string value, string expected) =>
        Assert.That(Utf8Order.NextAfter(value), Is.EqualTo(expected));

    [TestCase("a", new string[0])]
    [TestCase("a/b/c", new[] { "a", "a/b" })]
    [TestCase("/x", new[] { "" })]
    [TestCase("a//b", new[] { "a", "a/" })]
    [TestCase("dir/", new[] { "dir" })]
    public void Of_ObjectName_AncestorDirectoryPaths(string name, string[] expected) =>
        Assert.That(ObjectAncestors.Of(name), Is.EqualTo(expected));
}
