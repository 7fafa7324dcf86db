using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class MetadataCheckTests
{
    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Test]
    public void Validate_OrdinaryMetadata_IsNull() =>
        Assert.That(MetadataCheck.Validate([H("X-Object-Meta-Color", "grün"), H("Content-Type", "text/plain")]), Is.Null);

    [Test]
    public void Validate_NameOver128Bytes_IsSwiftMessage() =>
        Assert.That(MetadataCheck.Validate([H("X-Object-Meta-" + new string('K', 129), "v")])!.Message,
            Is.EqualTo("Metadata name too long: x-object-meta-" + new string('k', 129)));

    [Test]
    public void Validate_ValueOver256Bytes_IsSwiftMessage() =>
        Assert.That(MetadataCheck.Validate([H("X-Object-Meta-A", new string('é', 129))])!.Message,
            Is.EqualTo("Metadata value longer than 256: x-object-meta-a"));

    [Test]
    public void Validate_EmptyName_IsRejected() =>
        Assert.That(MetadataCheck.Validate([H("X-Object-Meta-", "v")])!.Message, Is.EqualTo("Metadata name cannot be empty"));

    [Test]
    public void Validate_91Items_IsTooMany() =>
        Assert.That(MetadataCheck.Validate(Enumerable.Range(0, 91).Select(i => H($"X-Object-Meta-K{i}", "v")))!.Message,
            Is.EqualTo("Too many metadata items; max 90"));

    [Test]
    public void Validate_Over4096BytesInAll_IsTooLarge() =>
        Assert.That(MetadataCheck.Validate(Enumerable.Range(0, 20).Select(i => H($"X-Object-Meta-K{i:D2}", new string('v', 250))))!.Message,
            Is.EqualTo("Total metadata too large; max 4096"));
}
