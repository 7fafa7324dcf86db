using CloudFs.Common.Contracts;

namespace CloudFs.UnitTests.Common;

public class MetadataLimitsTests
{
    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Test]
    public void CheckHeaders_OrdinaryMetadata_IsNull() =>
        Assert.That(MetadataLimits.CheckHeaders([H("X-Object-Meta-Color", "grün"), H("Content-Type", "text/plain")], MetadataLimits.ObjectPrefix), Is.Null);

    [Test]
    public void CheckHeaders_NameOver128Bytes_IsSwiftMessage() =>
        Assert.That(MetadataLimits.CheckHeaders([H("X-Object-Meta-" + new string('K', 129), "v")], MetadataLimits.ObjectPrefix)!.Message,
            Is.EqualTo("Metadata name too long: x-object-meta-K" + new string('k', 128)));

    [Test]
    public void CheckHeaders_ValueOver256Bytes_IsSwiftMessage() =>
        Assert.That(MetadataLimits.CheckHeaders([H("X-Object-Meta-A", new string('é', 129))], MetadataLimits.ObjectPrefix)!.Message,
            Is.EqualTo("Metadata value longer than 256: x-object-meta-A"));

    [Test]
    public void CheckHeaders_EmptyName_IsRejected() =>
        Assert.That(MetadataLimits.CheckHeaders([H("X-Object-Meta-", "v")], MetadataLimits.ObjectPrefix)!.Message, Is.EqualTo("Metadata name cannot be empty"));

    [Test]
    public void CheckHeaders_91Items_IsTooMany() =>
        Assert.That(MetadataLimits.CheckHeaders(Enumerable.Range(0, 91).Select(i => H($"X-Object-Meta-K{i}", "v")), MetadataLimits.ObjectPrefix)!.Message,
            Is.EqualTo("Too many metadata items; max 90"));

    [Test]
    public void CheckHeaders_Over4096BytesInAll_IsTooLarge() =>
        Assert.That(MetadataLimits.CheckHeaders(Enumerable.Range(0, 20).Select(i => H($"X-Object-Meta-K{i:D2}", new string('v', 250))), MetadataLimits.ObjectPrefix)!.Message,
            Is.EqualTo("Total metadata too large; max 4096"));

    [Test]
    public void CheckItem_AccountPrefix_NamesTheHeaderInTheMessage() =>
        Assert.That(MetadataLimits.CheckItem("x-account-meta-", new string('n', 129), "v")!.Message,
            Is.EqualTo("Metadata name too long: x-account-meta-N" + new string('n', 128)));

    [TestCase(90, 4096, true)]
    [TestCase(91, 10, false)]
    [TestCase(1, 4097, false)]
    public void CheckTotals_AtAndPastTheLimits(int count, int size, bool allowed) =>
        Assert.That(MetadataLimits.CheckTotals(count, size) is null, Is.EqualTo(allowed));
}
