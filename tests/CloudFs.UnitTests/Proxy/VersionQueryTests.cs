using CloudFs.Proxy.Versioning;

namespace CloudFs.UnitTests.Proxy;

public class VersionQueryTests
{
    [TestCase("", null)]
    [TestCase("?versions", null)]
    [TestCase("?version-id=", null)]
    [TestCase("?version-id=null", "null")]
    [TestCase("?version-id=1796131130.63125&x=1", "1796131130.63125")]
    [TestCase("?version-id=1&version-id=2", "2")]
    [TestCase("?version-id=%31", "1")]
    public void Of_ReadsTheLastNonEmptyValue(string query, string? expected) => Assert.That(VersionQuery.Of(query), Is.EqualTo(expected));
}
