using System.Text;
using CloudFs.Proxy.Middleware.Bulk;

namespace CloudFs.UnitTests.Proxy.Middleware.Bulk;

public class DeleteListReaderTests
{
    private static async Task<List<string>> ReadAsync(string body, int max = 10000) =>
        (await DeleteListReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), max, CancellationToken.None))
        .Select(n => Encoding.UTF8.GetString(n)).ToList();

    [Test]
    public async Task ReadAsync_Lines_AreStrippedAndDecodedOnce()
    {
        var names = await ReadAsync("c/a%20b\r\n  c/plus+sign \n\nc/%2541\nc/bad%zz\nlast");

        Assert.That(names, Is.EqualTo(new[] { "c/a b", "c/plus+sign", "", "c/%41", "c/bad%zz", "last" }));
    }

    [Test]
    public async Task ReadAsync_EmptyBody_HasNoNames()
    {
        Assert.That(await ReadAsync(""), Is.Empty);
        Assert.That(await ReadAsync("   "), Is.Empty);
    }

    [Test]
    public async Task ReadAsync_NamesMayBeAnyBytes()
    {
        var names = await DeleteListReader.ReadAsync(new MemoryStream("c/%FF\n"u8.ToArray()), 10, CancellationToken.None);

        Assert.That(names.Single(), Is.EqualTo(new byte[] { (byte)'c', (byte)'/', 0xFF }));
    }

    [Test]
    public void ReadAsync_MoreNamesThanAllowed_Is413WithSwiftsMessage()
    {
        var failure = Assert.ThrowsAsync<BulkFailure>(() => ReadAsync("a\nb\nc\n", max: 2));

        Assert.That(failure!.Status, Is.EqualTo(413));
        Assert.That(failure.Body, Is.EqualTo("Maximum Bulk Deletes: 2 per request"));
    }

    [Test]
    public async Task ReadAsync_ExactlyTheLimit_IsFine()
    {
        Assert.That(await ReadAsync("a\nb\n", max: 2), Has.Count.EqualTo(2));
    }

    [Test]
    public void ReadAsync_LineLongerThanTwiceTheLongestPath_IsInvalidFileName()
    {
        var failure = Assert.ThrowsAsync<BulkFailure>(() => ReadAsync(new string('x', (DeleteListReader.MaxPathLength * 2) + 1)));

        Assert.That(failure!.Status, Is.EqualTo(400));
        Assert.That(failure.Body, Is.EqualTo("Invalid File Name"));
    }

    [Test]
    public async Task ReadAsync_LongButPossibleName_IsKeptForItsOwnDelete()
    {
        var name = "c/" + new string('x', 2000);

        Assert.That(await ReadAsync(name + "\n"), Is.EqualTo(new[] { name }));
    }
}
