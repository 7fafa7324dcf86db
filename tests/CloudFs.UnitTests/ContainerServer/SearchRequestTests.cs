using CloudFs.Common.Results;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class SearchRequestTests
{
    [Test]
    public void Parse_NoParameters_Defaults()
    {
        var (request, error) = SearchRequest.Parse(QueryParameters.Parse("search"));

        Assert.That(error, Is.Null);
        Assert.That(request, Is.EqualTo(new SearchRequest(NamePattern.Any, null, "object", null, null, null, null, null, 100)));
    }

    [Test]
    public void Parse_AllParameters_Read()
    {
        var marker = new SearchMarker("AUTH_a", "x.txt", 42).Encode();

        var (request, _) = SearchRequest.Parse(QueryParameters.Parse(
            $"name=a*&container=c&type=directory&min_size=1&max_size=2&modified_after=3&modified_before=4&limit=10000&marker={marker}"));

        Assert.That(request, Is.EqualTo(new SearchRequest(NamePattern.Parse("a*"), "c", "directory", 1, 2, 3, 4,
            new SearchMarker("AUTH_a", "x.txt", 42), 10_000)));
    }

    [TestCase("type=file")]
    [TestCase("limit=0")]
    [TestCase("limit=10001")]
    [TestCase("limit=-1")]
    [TestCase("min_size=1.5")]
    [TestCase("max_size=%2B1")]
    [TestCase("modified_before=99999999999999999")]
    [TestCase("marker=abc")]
    [TestCase("marker=e30")]
    [TestCase("name=%C3")]
    public void Parse_Invalid_BadRequest(string query)
    {
        var (request, error) = SearchRequest.Parse(QueryParameters.Parse(query));

        Assert.That(request, Is.Null);
        Assert.That(error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
    }

    [Test]
    public void Marker_EncodeDecode_RoundTripsAnyName()
    {
        var marker = new SearchMarker("AUTH_ü", "a\nb/\"c😀", long.MaxValue);

        Assert.That(SearchMarker.TryDecode(marker.Encode(), out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(marker));
        Assert.That(marker.Encode(), Does.Match("^[A-Za-z0-9_-]+$"));
    }
}
