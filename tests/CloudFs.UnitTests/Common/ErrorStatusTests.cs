using CloudFs.Common.Results;

namespace CloudFs.UnitTests.Common;

public sealed class ErrorStatusTests
{
    [Test]
    public void ToKind_EveryKindsStatus_ReadsBackAsTheSameKind()
    {
        foreach (var kind in Enum.GetValues<CloudFsErrorKind>().Where(k => k != CloudFsErrorKind.Internal))
        {
            Assert.That(ErrorStatus.ToKind(ErrorStatus.ToStatus(kind)), Is.EqualTo(kind), kind.ToString());
        }
    }

    [Test]
    public void ToStatus_EveryKind_HasItsOwnStatus() =>
        Assert.That(Enum.GetValues<CloudFsErrorKind>().Select(ErrorStatus.ToStatus).Distinct().Count(),
            Is.EqualTo(Enum.GetValues<CloudFsErrorKind>().Length));

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(418)]
    public void ToKind_RoleFailureOrUnknownStatus_ServiceUnavailable(int status) =>
        Assert.That(ErrorStatus.ToKind(status), Is.EqualTo(CloudFsErrorKind.ServiceUnavailable));
}
