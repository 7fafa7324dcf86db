using System.Net;
using System.Security.Cryptography;

namespace CloudFs.IntegrationTests.ObjectServer;

/// <summary>
/// A request body of any length made up on the fly (a random 1 MiB block with the chunk number
/// stamped in, so no two chunks are equal), hashed as it is sent: never held in memory.
/// Optionally slows down after <paramref name="fastBytes"/> to simulate a crawling client.
/// </summary>
internal sealed class GeneratedContent(long length, long fastBytes = long.MaxValue, TimeSpan slowDelay = default) : HttpContent
{
    public const int ChunkSize = 1024 * 1024;

    private readonly byte[] _block = RandomNumberGenerator.GetBytes(ChunkSize);

    public string? Md5Hex { get; private set; }

    /// <summary>The same bytes the content sends, for checking a download without storing it.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Chunks()
    {
        var chunk = new byte[ChunkSize];
        for (long sent = 0, index = 0; sent < length; index++)
        {
            var count = (int)Math.Min(ChunkSize, length - sent);
            Fill(chunk, index);
            yield return chunk.AsMemory(0, count);
            sent += count;
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long sent = 0;
        foreach (var chunk in Chunks())
        {
            if (sent >= fastBytes)
            {
                // Trickle: 64 KiB at a time with a pause, until the test kills the server.
                for (var offset = 0; offset < chunk.Length; offset += 64 * 1024)
                {
                    var piece = chunk.Slice(offset, Math.Min(64 * 1024, chunk.Length - offset));
                    await stream.WriteAsync(piece);
                    await stream.FlushAsync();
                    await Task.Delay(slowDelay);
                }
            }
            else
            {
                await stream.WriteAsync(chunk);
            }

            md5.AppendData(chunk.Span);
            sent += chunk.Length;
        }

        Md5Hex = Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return true;
    }

    private void Fill(byte[] chunk, long index)
    {
        _block.CopyTo(chunk, 0);
        BitConverter.TryWriteBytes(chunk.AsSpan(0, 8), index);
    }
}
