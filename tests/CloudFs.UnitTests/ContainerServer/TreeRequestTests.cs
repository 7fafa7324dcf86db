using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class TreeRequestTests
{
    [TestCase("tree", "", 1, 1000)]
    [TestCase("tree&path=a/b//&depth=10&limit=1", "a/b", 10, 1)]
    [TestCase("tree&path=&depth=&limit=", "", 1, 1000)]
    [TestCase("tree&depth=0", "", 0, 1000)]
    public void Parse_Valid_Read(string query, string path, int depth, int limit) =>
        Assert.That(TreeRequest.Parse(QueryParameters.Parse(query)).Value, Is.EqualTo(new TreeRequest(path, depth, limit)));

    [TestCase("depth=11")]
    [TestCase("depth=-1")]
    [TestCase("limit=0")]
    [TestCase("limit=1001")]
    [TestCase("path=%FF")]
    public void Parse_Invalid_BadRequest(string query) =>
        Assert.That(TreeRequest.Parse(QueryParameters.Parse(query)).Error, Is.Not.Null);
}
