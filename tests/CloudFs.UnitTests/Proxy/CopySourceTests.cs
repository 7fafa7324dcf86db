using CloudFs.Common.Results;
using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class CopySourceTests
{
    [TestCase("/c/dir/o%20x", "c", "dir/o x")]
    [TestCase("c/o", "c", "o")]
    public void Parse_ContainerSlashObject_Splits(string value, string container, string obj)
    {
        var path = CopySource.Parse("X-Copy-From", value, "AUTH_a").Value!;

        Assert.That((path.Account, path.Container, path.Object), Is.EqualTo(("AUTH_a", container, obj)));
    }

    [TestCase("c")]
    [TestCase("/c/")]
    [TestCase("")]
    public void Parse_NoObject_Is412(string value)
    {
        var error = CopySource.Parse("Destination", value, "AUTH_a").Error!;

        Assert.That(error.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(error.Message, Is.EqualTo("Destination header must be of the form <container name>/<object name>"));
    }
}
