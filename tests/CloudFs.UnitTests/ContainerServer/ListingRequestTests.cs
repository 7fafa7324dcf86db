using CloudFs.Common.Results;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class ListingRequestTests
{
    [TestCase("", 10000)]
    [TestCase("limit=0", 0)]
    [TestCase("limit=1", 1)]
    [TestCase("limit=10000", 10000)]
    [TestCase("limit=000010000", 10000)]
    [TestCase("limit=abc", 10000)]
    [TestCase("limit=-1", 10000)]
    [TestCase("limit=", 10000)]
    [TestCase("limit=1.5", 10000)]
    public void Parse_Limit_DefaultsLikeSwift(string query, int expected)
    {
        var (parameters, _) = ListingRequest.Parse(QueryParameters.Parse(query), null, allowPath: true);

        Assert.That(parameters!.Limit, Is.EqualTo(expected));
    }

    [TestCase("limit=10001")]
    [TestCase("limit=99999999999999999999")]
    public void Parse_LimitAboveMaximum_PreconditionFailed(string query)
    {
        var (parameters, error) = ListingRequest.Parse(QueryParameters.Parse(query), null, allowPath: true);

        Assert.That(parameters, Is.Null);
        Assert.That(error!.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(error.Message, Is.EqualTo("Maximum limit is 10000"));
    }

    [TestCase("reverse=true", true)]
    [TestCase("reverse=TRUE", true)]
    [TestCase("reverse=1", true)]
    [TestCase("reverse=yes", true)]
    [TestCase("reverse=on", true)]
    [TestCase("reverse=t", true)]
    [TestCase("reverse=y", true)]
    [TestCase("reverse=false", false)]
    [TestCase("reverse=2", false)]
    [TestCase("reverse=", false)]
    public void Parse_Reverse_TrueValuesOfSwift(string query, bool expected)
    {
        var (parameters, _) = ListingRequest.Parse(QueryParameters.Parse(query), null, allowPath: true);

        Assert.That(parameters!.Reverse, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_AllParameters_DecodedOnce()
    {
        var query = "marker=a%2Fb&end_marker=z&prefix=%C3%A9+x&delimiter=%2F&path=p&format=xml";

        var (parameters, _) = ListingRequest.Parse(QueryParameters.Parse(query), null, allowPath: true);

        Assert.That(parameters, Is.EqualTo(new ListingParameters(10000, "a/b", "z", "é x", "/", "p", false, ListingFormat.Xml,
            "application/xml", FormatGiven: true)));
    }

    [Test]
    public void Parse_PathOnAccount_Ignored()
    {
        var (parameters, _) = ListingRequest.Parse(QueryParameters.Parse("path=a"), null, allowPath: false);

        Assert.That(parameters!.Path, Is.Null);
    }

    [Test]
    public void Parse_InvalidUtf8InListingParameter_BadRequest()
    {
        var (_, error) = ListingRequest.Parse(QueryParameters.Parse("prefix=%FF"), null, allowPath: true);

        Assert.That(error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(error.Message, Is.EqualTo("\"prefix\" parameter not valid UTF-8"));
    }

    [Test]
    public void Parse_UnacceptableAccept_NotAcceptable()
    {
        var (parameters, error) = ListingRequest.Parse(QueryParameters.Parse(""), "image/png", allowPath: true);

        Assert.That(parameters, Is.Null);
        Assert.That(error?.Kind, Is.EqualTo(CloudFsErrorKind.NotAcceptable));
    }
}
