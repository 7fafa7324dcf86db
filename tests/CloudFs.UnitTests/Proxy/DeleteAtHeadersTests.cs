using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class DeleteAtHeadersTests
{
    private const long Now = 1_732_441_234;

    [Test]
    public void Resolve_DeleteAfter_BecomesNowPlusSeconds() =>
        Assert.That(DeleteAtHeaders.Resolve(null, "60", Now).Value, Is.EqualTo(Now + 60));

    [Test]
    public void Resolve_Neither_IsNull() => Assert.That(DeleteAtHeaders.Resolve("", null, Now).Value, Is.Null);

    [TestCase(null, "abc", "Non-integer X-Delete-After")]
    [TestCase(null, "-1", "X-Delete-After in past")]
    [TestCase("soon", null, "Non-integer X-Delete-At")]
    [TestCase("1000", null, "X-Delete-At in past")]
    public void Resolve_Bad_IsSwiftMessage(string? at, string? after, string message) =>
        Assert.That(DeleteAtHeaders.Resolve(at, after, Now).Error!.Message, Is.EqualTo(message));
}
