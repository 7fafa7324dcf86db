using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.UnitTests.Common.Hosting;

public class ErrorResultsTests
{
    [TestCase(CloudFsErrorKind.NotFound, 404)]
    [TestCase(CloudFsErrorKind.Conflict, 409)]
    [TestCase(CloudFsErrorKind.LengthRequired, 411)]
    [TestCase(CloudFsErrorKind.RangeNotSatisfiable, 416)]
    [TestCase(CloudFsErrorKind.UnprocessableEntity, 422)]
    [TestCase(CloudFsErrorKind.ClientClosedRequest, 499)]
    [TestCase(CloudFsErrorKind.InsufficientStorage, 507)]
    [TestCase(CloudFsErrorKind.Internal, 500)]
    public void StatusCode_Kind_MapsToSwiftStatus(CloudFsErrorKind kind, int status) =>
        Assert.That(ErrorStatus.ToStatus(kind), Is.EqualTo(status));

    [Test]
    public void StatusCode_EveryKind_IsAnErrorStatus()
    {
        foreach (var kind in Enum.GetValues<CloudFsErrorKind>())
        {
            Assert.That(ErrorStatus.ToStatus(kind), Is.InRange(400, 599), kind.ToString());
        }
    }

    [Test]
    public void For_NotFound_IsSwiftsPage() =>
        Assert.That(SwiftErrorPages.For(404), Is.EqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>"));
}
