using CloudFs.Common.IO;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

/// <summary>
/// Bodies written with O_DIRECT (<see cref="DirectWrites"/>). The devices live under the test's
/// work directory, not the temp directory: /tmp may be a tmpfs, whose data is the page cache itself.
/// </summary>
[TestFixture(FsyncMode.Always)]
[TestFixture(FsyncMode.Grouped)]
public class DirectWriteTests(FsyncMode fsync)
{
    private const int Buffer = 64 * 1024;

    private string _root = "";

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "direct-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "sda"));
        var probe = Path.Combine(_root, "probe");
        using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write);
        Assume.That(DirectIo.TrySet(file.SafeFileHandle, on: true), Is.True, "the work directory's filesystem has no direct I/O");
    }

    [TearDown]
    public void TearDown() => TestBlobs.DeleteRoot(_root);

    // Around the edges that matter: a block, a buffer, the tail after whole blocks, several buffers.
    [TestCase(DirectIo.Alignment, false)]
    [TestCase(DirectIo.Alignment + 1, false)]
    [TestCase(Buffer - 1, false)]
    [TestCase(Buffer, false)]
    [TestCase(Buffer + 1, false)]
    [TestCase((3 * Buffer) + DirectIo.Alignment + 100, false)]
    [TestCase(4 * Buffer, true)]
    [TestCase((3 * Buffer) + 100, true)]
    public async Task Put_WithDirectWrites_ThenOpen_SameBytesMd5AndFooter(int length, bool chunked)
    {
        var store = NewStore(directFrom: DirectIo.Alignment);
        var data = TestBlobs.RandomBytes(length);
        var address = new BlobAddress("sda", 3, TestBlobs.NewId());

        var put = await store.PutAsync(address, TestBlobs.Request(data, chunked: chunked), CancellationToken.None);
        var opened = await store.OpenAsync(address, CancellationToken.None);

        Assert.That(put.IsSuccess, Is.True, put.Error?.Message);
        Assert.That(put.Value!.Info.Md5Hex, Is.EqualTo(TestBlobs.Md5(data)));
        Assert.That(opened.IsSuccess, Is.True, opened.Error?.Message);
        using var reader = opened.Value!;
        using var output = new MemoryStream();
        Assert.That(await reader.CopyVerifiedToAsync(output, CancellationToken.None), Is.True, "footer checksum");
        Assert.That(output.ToArray(), Is.EqualTo(data));
        Assert.That(new FileInfo(store.Layout.DataPath(address)).Length, Is.EqualTo(length + BlobFooter.Size));
    }

    // The point of it: a direct write leaves the body out of the page cache (only the tail, written
    // through it, is there), where a buffered one leaves every page of it. (A chunked body is
    // known to be large only once that much has arrived: the next test.)
    [Test]
    public async Task Put_LargeBody_IsInThePageCacheOnlyWithoutDirectWrites()
    {
        var data = TestBlobs.RandomBytes((1 << 20) + 100);
        var direct = NewStore(directFrom: 1 << 20);
        var buffered = NewStore(directFrom: 0);
        var a = new BlobAddress("sda", 3, TestBlobs.NewId());
        var b = new BlobAddress("sda", 3, TestBlobs.NewId());

        Assert.That((await direct.PutAsync(a, TestBlobs.Request(data), CancellationToken.None)).IsSuccess, Is.True);
        Assert.That((await buffered.PutAsync(b, TestBlobs.Request(data), CancellationToken.None)).IsSuccess, Is.True);

        var pages = (data.Length + BlobFooter.Size + Environment.SystemPageSize - 1) / Environment.SystemPageSize;
        Assert.That(PageCache.ResidentPages(direct.Layout.DataPath(a)), Is.LessThanOrEqualTo(2), "the body went through the page cache");
        Assert.That(PageCache.ResidentPages(buffered.Layout.DataPath(b)), Is.EqualTo(pages));
    }

    // A chunked body turns direct once it has reached the threshold; what came before stays buffered.
    [Test]
    public async Task Put_ChunkedBody_GoesDirectOnceItReachesTheThreshold()
    {
        var data = TestBlobs.RandomBytes(8 * Buffer);
        var store = NewStore(directFrom: 4 * Buffer);
        var address = new BlobAddress("sda", 3, TestBlobs.NewId());

        Assert.That((await store.PutAsync(address, TestBlobs.Request(data, chunked: true), CancellationToken.None)).IsSuccess, Is.True);

        // Pieces 1-3 were known to be under 4 buffers when written; from the fourth on, direct.
        var resident = PageCache.ResidentPages(store.Layout.DataPath(address));
        Assert.That(resident, Is.InRange(3 * Buffer / Environment.SystemPageSize, (3 * Buffer / Environment.SystemPageSize) + 1));
    }

    private BlobStore NewStore(long directFrom) => TestBlobs.NewStore(_root, options =>
    {
        options.FsyncMode = fsync;
        options.IoBufferSize = Buffer;
        options.DirectWriteMinBytes = directFrom;
    });
}
