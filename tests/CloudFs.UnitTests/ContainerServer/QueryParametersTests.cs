using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class QueryParametersTests
{
    [Test]
    public void Parse_RepeatedBlankAndPlus_AsPythonParseQsl()
    {
        var query = QueryParameters.Parse("?a=1&a=2&b&c=&d=x+y%2Bz&&e=%E6%97%A5");

        Assert.That(query.Values, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["a"] = "2", ["b"] = "", ["c"] = "", ["d"] = "x y+z", ["e"] = "日",
        }));
        Assert.That(query.Invalid, Is.Empty);
    }

    [Test]
    public void Parse_InvalidUtf8Value_KeptApart()
    {
        var query = QueryParameters.Parse("prefix=%C3&marker=ok");

        Assert.That(query.Values.Keys, Is.EquivalentTo(new[] { "marker" }));
        Assert.That(query.Invalid, Is.EquivalentTo(new[] { "prefix" }));
    }
}
