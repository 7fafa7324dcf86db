using System.Net;
using System.Runtime.InteropServices;
using CloudFs.Common.Hosting;
using CloudFs.Common.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CloudFs.UnitTests.Common.Hosting;

public class PinnedBlockPoolTests
{
    [Test]
    public void Rent_SmallerThanABlock_GivesAWholeBlock()
    {
        using var pool = new PinnedBlockPool(blockSize: 16384);
        using var block = pool.Rent(2048);

        Assert.That(block.Memory.Length, Is.EqualTo(16384));
    }

    [Test]
    public void Rent_AfterAReturn_ReusesTheSameMemory()
    {
        using var pool = new PinnedBlockPool(blockSize: 8192);
        var first = pool.Rent();
        var array = ArrayOf(first);
        first.Dispose();

        using var second = pool.Rent();

        Assert.That(ArrayOf(second), Is.SameAs(array));
    }

    [Test]
    public void Dispose_Twice_ReturnsTheBlockOnce()
    {
        using var pool = new PinnedBlockPool(blockSize: 8192);
        var block = pool.Rent();
        block.Dispose();
        block.Dispose();

        using var a = pool.Rent();
        using var b = pool.Rent();

        Assert.That(ArrayOf(a), Is.Not.SameAs(ArrayOf(b)), "one returned block must not be handed to two renters");
    }

    [Test]
    public void Rent_LargerThanABlock_GivesThatSize_AndIsNotKept()
    {
        using var pool = new PinnedBlockPool(blockSize: 8192);
        var big = pool.Rent(20000);
        var array = ArrayOf(big);
        big.Dispose();

        using var next = pool.Rent(20000);

        Assert.That(big.Memory.Length, Is.EqualTo(20000));
        Assert.That(ArrayOf(next), Is.Not.SameAs(array));
    }

    [Test]
    public void Return_BeyondTheBound_LeavesTheBlockToTheGc()
    {
        using var pool = new PinnedBlockPool(blockSize: 8192, maxFree: 1);
        var a = pool.Rent();
        var b = pool.Rent();
        var kept = ArrayOf(a);
        var dropped = ArrayOf(b);
        a.Dispose();
        b.Dispose();

        using var c = pool.Rent();
        using var d = pool.Rent();

        Assert.That(ArrayOf(c), Is.SameAs(kept));
        Assert.That(ArrayOf(d), Is.Not.SameAs(dropped));
    }

    [TestCase(1)]
    [TestCase(4096)]
    [TestCase(65536)]
    public void Rent_Aligned_EveryBlockStartsAtAMultipleOfTheAlignment(int alignment)
    {
        using var pool = new PinnedBlockPool(blockSize: 8192, alignment: alignment);
        var blocks = Enumerable.Range(0, 8).Select(_ => pool.Rent()).ToList();

        foreach (var block in blocks)
        {
            Assert.That(block.Memory.Length, Is.EqualTo(8192));
            Assert.That(AddressOf(block) % alignment, Is.Zero);
        }

        blocks.ForEach(block => block.Dispose());
    }

    [Test]
    public void New_AlignmentNotAPowerOfTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PinnedBlockPool(alignment: 3000));

    [Test]
    public void Rent_AfterThePoolIsDisposed_Throws()
    {
        var pool = new PinnedBlockPool();
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    // The point of the pool: Kestrel's socket reads fill blocks larger than its own 4 KiB, so a
    // request body arrives in segments of more than 4 KiB. Without the registration (or if Kestrel
    // stopped asking DI for its pool) every segment would be 4 KiB at most.
    [Test]
    public async Task Kestrel_WithThePool_ReadsARequestBodyInSegmentsLargerThan4KiB()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddReceiveBlockPool();
        await using var app = builder.Build();
        app.Run(async context =>
        {
            long largest = 0, total = 0;
            while (true)
            {
                var read = await context.Request.BodyReader.ReadAsync();
                foreach (var segment in read.Buffer)
                {
                    largest = Math.Max(largest, segment.Length);
                }

                total += read.Buffer.Length;
                context.Request.BodyReader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }

            await context.Response.WriteAsync($"{largest} {total}");
        });
        await app.StartAsync();
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(app.Urls.First()), new ByteArrayContent(new byte[4 << 20]));
        var answer = (await response.Content.ReadAsStringAsync()).Split(' ').Select(long.Parse).ToArray();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer[1], Is.EqualTo(4 << 20));
        Assert.That(answer[0], Is.GreaterThan(4096).And.LessThanOrEqualTo(PinnedBlockPool.DefaultBlockSize));
        await app.StopAsync();
    }

    // The blocks are pinned arrays: their address does not change between this and any later use.
    private static long AddressOf(System.Buffers.IMemoryOwner<byte> block) =>
        MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment)
            ? (long)Marshal.UnsafeAddrOfPinnedArrayElement(segment.Array!, segment.Offset)
            : throw new InvalidOperationException("not array-backed");

    private static byte[] ArrayOf(System.Buffers.IMemoryOwner<byte> block) =>
        MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment) ? segment.Array! : throw new InvalidOperationException("not array-backed");
}
