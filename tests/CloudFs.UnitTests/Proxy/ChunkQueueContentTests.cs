using System.Buffers;
using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class ChunkQueueContentTests
{
    [Test]
    public async Task CopyTo_ChunksThenComplete_WritesEveryByteInOrder()
    {
        using var content = new ChunkQueueContent(2, 6);
        using var target = new MemoryStream();
        var copy = content.CopyToAsync(target);

        foreach (var text in new[] { "abc", "def" })
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16);
            System.Text.Encoding.ASCII.GetBytes(text, buffer);
            var chunk = new SharedChunk(buffer, 3);
            await content.WriteAsync(chunk, CancellationToken.None);
            chunk.Release();
        }

        content.Complete();
        await copy;

        Assert.That(System.Text.Encoding.ASCII.GetString(target.ToArray()), Is.EqualTo("abcdef"));
        Assert.That(content.Headers.ContentLength, Is.EqualTo(6));
    }

    [Test]
    public void CopyTo_CompletedWithError_Throws()
    {
        using var content = new ChunkQueueContent(2, null);
        content.Complete(new IOException("aborted"));

        Assert.That(async () => await content.CopyToAsync(Stream.Null), Throws.Exception);
    }

    [Test]
    public async Task WriteAsync_QueueFull_WaitsForTheReader()
    {
        using var content = new ChunkQueueContent(1, null);
        var first = new SharedChunk(new byte[1], 1);
        var second = new SharedChunk(new byte[1], 1);
        await content.WriteAsync(first, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(async () => await content.WriteAsync(second, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
