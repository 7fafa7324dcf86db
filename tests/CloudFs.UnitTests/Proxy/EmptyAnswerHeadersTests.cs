using CloudFs.Proxy.Forwarding;
using Microsoft.AspNetCore.Http;

namespace CloudFs.UnitTests.Proxy;

public sealed class EmptyAnswerHeadersTests
{
    [TestCase(201, 0L, null, "text/html; charset=UTF-8", 0L)]
    [TestCase(202, 0L, null, "text/html; charset=UTF-8", 0L)]
    [TestCase(204, null, null, "text/html; charset=UTF-8", 0L)]
    // A container HEAD: the listing's type stays, the length its GET would have does not.
    [TestCase(204, 70L, "text/plain; charset=utf-8", "text/plain; charset=utf-8", 0L)]
    // An empty object keeps its own type.
    [TestCase(200, 0L, "application/json", "application/json", 0L)]
    public void Apply_EmptySuccess_CarriesSwiftsLengthAndDefaultType(int status, long? length, string? type, string expectedType, long expectedLength)
    {
        var response = new DefaultHttpContext().Response;
        response.StatusCode = status;
        response.ContentLength = length;
        response.ContentType = type;

        EmptyAnswerHeaders.Apply(response);

        Assert.That(response.ContentType, Is.EqualTo(expectedType));
        Assert.That(response.ContentLength, Is.EqualTo(expectedLength));
    }

    [TestCase(200, 5L, null)]
    [TestCase(201, null, "application/json")]
    [TestCase(404, 0L, null)]
    public void Apply_AnswerWithBodyOrError_IsLeftAlone(int status, long? length, string? type)
    {
        var response = new DefaultHttpContext().Response;
        response.StatusCode = status;
        response.ContentLength = length;
        response.ContentType = type;

        EmptyAnswerHeaders.Apply(response);

        Assert.That(response.ContentType, Is.EqualTo(type));
        Assert.That(response.ContentLength, Is.EqualTo(length));
    }
}
