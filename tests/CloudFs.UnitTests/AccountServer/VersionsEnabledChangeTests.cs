using CloudFs.AccountServer.Core.Versioning;

namespace CloudFs.UnitTests.AccountServer;

public class VersionsEnabledChangeTests
{
    [TestCase(null, null)]
    [TestCase("true", true)]
    [TestCase(" On ", true)]
    [TestCase("y", true)]
    [TestCase("maybe", false)]
    [TestCase("", false)]
    [TestCase("false", false)]
    public void Parse_IsSwiftsConfigTrueValue(string? header, bool? expected) => Assert.That(VersionsEnabledChange.Parse(header), Is.EqualTo(expected));

    [Test]
    public void Show_IsPythonsBool() => Assert.That((VersionsEnabledChange.Show(true), VersionsEnabledChange.Show(false)), Is.EqualTo(("True", "False")));
}
