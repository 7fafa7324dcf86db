using CloudFs.Common.Contracts;

namespace CloudFs.UnitTests.Common;

public sealed class HeaderCaseTests
{
    // Expected values are Python's str.title(), which Swift's header dictionaries use.
    [TestCase("color", "Color")]
    [TestCase("quota-bytes", "Quota-Bytes")]
    [TestCase("web-listings-css", "Web-Listings-Css")]
    [TestCase("x-object-meta-COLOR", "X-Object-Meta-Color")]
    [TestCase("meta_1a", "Meta_1A")]
    [TestCase("über-größe", "Über-Größe")]
    [TestCase("", "")]
    public void Title_Name_AsPythonTitle(string name, string expected) =>
        Assert.That(HeaderCase.Title(name), Is.EqualTo(expected));
}
