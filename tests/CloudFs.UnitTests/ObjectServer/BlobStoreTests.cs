using CloudFs.Common.Results;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

// Every case runs with each fsync mode that keeps the 201's promise: per-file fsyncs and group syncs.
[TestFixture(FsyncMode.Always)]
[TestFixture(FsyncMode.Grouped)]
public class BlobStoreTests(FsyncMode fsync)
{
    private string _root = "";
    private BlobStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _root = TestBlobs.NewRoot("sda");
        _store = TestBlobs.NewStore(_root, options => options.FsyncMode = fsync);
    }

    [TearDown]
    public void TearDown() => TestBlobs.DeleteRoot(_root);

    private BlobAddress NewAddress(string device = "sda", int partition = 7) => new(device, partition, TestBlobs.NewId());

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(64 * 1024)]
    [TestCase((300 * 1024) + 17)]
    public async Task PutAsync_ThenOpen_SameBytesAndMd5(int length)
    {
        var data = TestBlobs.RandomBytes(length);
        var address = NewAddress();

        var put = await _store.PutAsync(address, TestBlobs.Request(data, TestBlobs.Md5(data)), CancellationToken.None);
        var opened = await _store.OpenAsync(address, CancellationToken.None);

        Assert.That(put.IsSuccess, Is.True, put.Error?.Message);
        Assert.That(put.Value!.AlreadyExisted, Is.False);
        Assert.That(put.Value.Info.Md5Hex, Is.EqualTo(TestBlobs.Md5(data)));
        Assert.That(opened.IsSuccess, Is.True);
        using var reader = opened.Value!;
        using var output = new MemoryStream();
        Assert.That(await reader.CopyVerifiedToAsync(output, CancellationToken.None), Is.True);
        Assert.That(output.ToArray(), Is.EqualTo(data));
        Assert.That(reader.Info.Size, Is.EqualTo(length));
    }

    [Test]
    public async Task PutAsync_ChunkedBody_StoredWithComputedMd5()
    {
        var data = TestBlobs.RandomBytes(100_000);
        var address = NewAddress();

        var put = await _store.PutAsync(address, TestBlobs.Request(data, chunked: true), CancellationToken.None);

        Assert.That(put.Value?.Info.Md5Hex, Is.EqualTo(TestBlobs.Md5(data)));
        Assert.That(put.Value?.Info.Size, Is.EqualTo(data.Length));
    }

    [Test]
    public async Task PutAsync_LaysOutFilesBySuffix_DataFileWithFooter()
    {
        var data = TestBlobs.RandomBytes(1000);
        var address = NewAddress(partition: 42);

        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);

        var expected = Path.Combine(_root, "sda", "blobs", "42", DeviceLayout.Suffix(address.Id), address.Id + ".data");
        Assert.That(File.Exists(expected), Is.True);
        Assert.That(new FileInfo(expected).Length, Is.EqualTo(1000 + BlobFooter.Size));
        Assert.That(Directory.GetFiles(Path.Combine(_root, "sda", "tmp")), Is.Empty);
    }

    [Test]
    public async Task PutAsync_SameIdSameBody_IdempotentAlreadyExisted()
    {
        var data = TestBlobs.RandomBytes(5000);
        var address = NewAddress();
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);

        var again = await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);

        Assert.That(again.IsSuccess, Is.True);
        Assert.That(again.Value!.AlreadyExisted, Is.True);
        Assert.That(again.Value.Info.Md5Hex, Is.EqualTo(TestBlobs.Md5(data)));
        // The second body was never renamed into place: its temp file is gone all the same.
        Assert.That(Directory.GetFiles(Path.Combine(_root, "sda", "tmp")), Is.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task PutAsync_SameIdOtherBody_Conflict(bool withEtag)
    {
        var address = NewAddress();
        var first = TestBlobs.RandomBytes(5000);
        var second = TestBlobs.RandomBytes(5000);
        await _store.PutAsync(address, TestBlobs.Request(first), CancellationToken.None);

        var again = await _store.PutAsync(address, TestBlobs.Request(second, withEtag ? TestBlobs.Md5(second) : null), CancellationToken.None);

        Assert.That(again.Error?.Kind, Is.EqualTo(CloudFsErrorKind.Conflict));
        await AssertStoredBodyAsync(address, first);
        Assert.That(Directory.GetFiles(Path.Combine(_root, "sda", "tmp")), Is.Empty);
    }

    [Test]
    public async Task PutAsync_EtagMismatch_UnprocessableAndNothingStored()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(5000);

        var put = await _store.PutAsync(address, TestBlobs.Request(data, new string('0', 32)), CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.UnprocessableEntity));
        await AssertNothingStoredAsync(address);
    }

    [Test]
    public async Task PutAsync_BodyShorterThanLength_ClientClosedAndNothingStored()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(100);
        var request = new PutBlobRequest(new MemoryStream(data), 200, null, DateTimeOffset.UtcNow);

        var put = await _store.PutAsync(address, request, CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.ClientClosedRequest));
        await AssertNothingStoredAsync(address);
    }

    [Test]
    public async Task PutAsync_ClientResetsMidBody_ClientClosedAndNothingStored()
    {
        var address = NewAddress();
        var request = new PutBlobRequest(new BrokenStream(TestBlobs.RandomBytes(200_000), stall: false), 1_000_000, null, DateTimeOffset.UtcNow);

        var put = await _store.PutAsync(address, request, CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.ClientClosedRequest));
        await AssertNothingStoredAsync(address);
    }

    [Test]
    public async Task PutAsync_ClientStalls_RequestTimeoutAndNothingStored()
    {
        _store = TestBlobs.NewStore(_root, o => (o.ClientTimeoutSeconds, o.FsyncMode) = (1, fsync));
        var address = NewAddress();
        var request = new PutBlobRequest(new BrokenStream(TestBlobs.RandomBytes(1000), stall: true), null, null, DateTimeOffset.UtcNow);

        var put = await _store.PutAsync(address, request, CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.RequestTimeout));
        await AssertNothingStoredAsync(address);
    }

    [Test]
    public async Task PutAsync_CallerCancels_ClientClosed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var request = new PutBlobRequest(new BrokenStream([1, 2, 3], stall: true), null, null, DateTimeOffset.UtcNow);

        var put = await _store.PutAsync(NewAddress(), request, cts.Token);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.ClientClosedRequest));
    }

    [Test]
    public async Task PutAsync_DeclaredLengthOverMax_TooLargeWithoutReading()
    {
        _store = TestBlobs.NewStore(_root, o => (o.MaxObjectSize, o.FsyncMode) = (1000, fsync));
        var body = new BrokenStream([], stall: false); // any read would fail

        var put = await _store.PutAsync(NewAddress(), new PutBlobRequest(body, 1001, null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.RequestEntityTooLarge));
    }

    [Test]
    public async Task PutAsync_ChunkedBodyOverMax_TooLargeAndNothingStored()
    {
        _store = TestBlobs.NewStore(_root, o => (o.MaxObjectSize, o.FsyncMode) = (100_000, fsync));
        var address = NewAddress();

        var put = await _store.PutAsync(address, TestBlobs.Request(TestBlobs.RandomBytes(100_001), chunked: true), CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.RequestEntityTooLarge));
        await AssertNothingStoredAsync(address);
    }

    [Test]
    public async Task PutAsync_MissingDevice_InsufficientStorage()
    {
        var put = await _store.PutAsync(NewAddress("sdz"), TestBlobs.Request([1, 2, 3]), CancellationToken.None);
        var open = await _store.OpenAsync(NewAddress("sdz"), CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.InsufficientStorage));
        Assert.That(open.Error?.Kind, Is.EqualTo(CloudFsErrorKind.InsufficientStorage));
    }

    [Test]
    public async Task PutAsync_DeviceTmpNotWritable_InsufficientStorage()
    {
        // A plain file where tmp/ should be: as unwritable as a device gets when tests run as root.
        File.WriteAllText(Path.Combine(_root, "sda", "tmp"), "not a directory");
        var address = NewAddress();

        var put = await _store.PutAsync(address, TestBlobs.Request([1, 2, 3]), CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFsErrorKind.InsufficientStorage));
        Assert.That(File.Exists(_store.Layout.DataPath(address)), Is.False);
    }

    [Test]
    public async Task OpenAsync_NeverStored_NotFound() =>
        Assert.That((await _store.OpenAsync(NewAddress(), CancellationToken.None)).Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));

    [Test]
    public async Task DeleteAsync_StoredBlob_RemovedAndTombstoned()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(100);
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var deleted = await _store.DeleteAsync(address, at, CancellationToken.None);

        Assert.That(deleted.Value?.Existed, Is.True);
        Assert.That(File.Exists(_store.Layout.DataPath(address)), Is.False);
        Assert.That(File.Exists(_store.Layout.TombstonePath(address)), Is.True);
        Assert.That((await _store.OpenAsync(address, CancellationToken.None)).Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
    }

    [Test]
    public async Task PutAsync_AfterDelete_ConflictNoResurrection()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(100);
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        await _store.DeleteAsync(address, null, CancellationToken.None);

        var late = await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);

        Assert.That(late.Error?.Kind, Is.EqualTo(CloudFsErrorKind.Conflict));
        Assert.That(File.Exists(_store.Layout.DataPath(address)), Is.False);
    }

    [Test]
    public async Task DeleteAsync_NeverStored_NotExistedButTombstoneBlocksLatePut()
    {
        var address = NewAddress();

        var deleted = await _store.DeleteAsync(address, null, CancellationToken.None);
        var late = await _store.PutAsync(address, TestBlobs.Request([1, 2, 3]), CancellationToken.None);

        Assert.That(deleted.Value?.Existed, Is.False);
        Assert.That(late.Error?.Kind, Is.EqualTo(CloudFsErrorKind.Conflict));
    }

    [Test]
    public async Task CopyRangeToAsync_MiddleRange_ExactBytes()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(200_000);
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        using var reader = (await _store.OpenAsync(address, CancellationToken.None)).Value!;
        using var output = new MemoryStream();

        await reader.CopyRangeToAsync(output, 70_000, 100_000, CancellationToken.None);

        Assert.That(output.ToArray(), Is.EqualTo(data.AsSpan(70_000, 100_000).ToArray()));
    }

    [Test]
    public async Task CopyVerifiedToAsync_CorruptBody_FalseQuarantinedLastChunkWithheld()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(200_000);
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        Corrupt(_store.Layout.DataPath(address), 1234);
        using var output = new MemoryStream();

        bool ok;
        using (var reader = (await _store.OpenAsync(address, CancellationToken.None)).Value!)
        {
            ok = await reader.CopyVerifiedToAsync(output, CancellationToken.None);
        }

        Assert.That(ok, Is.False);
        Assert.That(output.Length, Is.LessThan(data.Length));
        Assert.That(File.Exists(Path.Combine(_root, "sda", "quarantined", "blobs", address.Id + ".data")), Is.True);
        Assert.That((await _store.OpenAsync(address, CancellationToken.None)).Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
    }

    [Test]
    public async Task PutAsync_FooterCarriesTheBodyXxHash128_CheckedCopyPasses()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(300_000);

        var put = await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        using var reader = (await _store.OpenAsync(address, CancellationToken.None)).Value!;
        using var output = new MemoryStream();
        var ok = await reader.CopyCheckedToAsync(output, CancellationToken.None);

        Assert.That(put.Value?.Info.BodyChecksum, Is.EqualTo(System.IO.Hashing.XxHash128.HashToUInt128(data)));
        Assert.That(reader.Info.BodyChecksum, Is.EqualTo(put.Value?.Info.BodyChecksum));
        Assert.That(ok, Is.True);
        Assert.That(output.ToArray(), Is.EqualTo(data));
    }

    [Test]
    public async Task CopyCheckedToAsync_CorruptBody_FalseQuarantinedLastChunkWithheld()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(200_000);
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        Corrupt(_store.Layout.DataPath(address), 150_000);
        using var output = new MemoryStream();

        bool ok;
        using (var reader = (await _store.OpenAsync(address, CancellationToken.None)).Value!)
        {
            Assert.That(reader.Info.BodyChecksum, Is.Not.Null);
            ok = await reader.CopyCheckedToAsync(output, CancellationToken.None);
        }

        Assert.That(ok, Is.False);
        Assert.That(output.Length, Is.LessThan(data.Length));
        Assert.That(File.Exists(Path.Combine(_root, "sda", "quarantined", "blobs", address.Id + ".data")), Is.True);
    }

    [Test]
    public async Task OpenAsync_DamagedFooter_NotFoundAndQuarantined()
    {
        var address = NewAddress();
        var data = TestBlobs.RandomBytes(1000);
        await _store.PutAsync(address, TestBlobs.Request(data), CancellationToken.None);
        Corrupt(_store.Layout.DataPath(address), 1000 + 20);

        var opened = await _store.OpenAsync(address, CancellationToken.None);

        Assert.That(opened.Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
        Assert.That(Directory.GetFiles(_store.Layout.QuarantineDir("sda")), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task OpenAsync_TruncatedFile_NotFoundAndQuarantined()
    {
        var address = NewAddress();
        await _store.PutAsync(address, TestBlobs.Request(TestBlobs.RandomBytes(1000)), CancellationToken.None);
        using (var file = new FileStream(_store.Layout.DataPath(address), FileMode.Open))
        {
            file.SetLength(500);
        }

        Assert.That((await _store.OpenAsync(address, CancellationToken.None)).Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
        Assert.That(File.Exists(_store.Layout.DataPath(address)), Is.False);
    }

    [Test]
    public async Task ListPartition_BlobsAndTombstones_AllListedWithKind()
    {
        var kept = NewAddress(partition: 3);
        var deleted = NewAddress(partition: 3);
        var elsewhere = NewAddress(partition: 4);
        await _store.PutAsync(kept, TestBlobs.Request([1]), CancellationToken.None);
        await _store.PutAsync(deleted, TestBlobs.Request([2]), CancellationToken.None);
        await _store.PutAsync(elsewhere, TestBlobs.Request([3]), CancellationToken.None);
        await _store.DeleteAsync(deleted, null, CancellationToken.None);

        var entries = _store.ListPartition("sda", 3).ToList();

        Assert.That(entries, Is.EquivalentTo(new[]
        {
            new PartitionEntry(kept.Id, DeviceLayout.Suffix(kept.Id), PartitionEntryKind.Blob),
            new PartitionEntry(deleted.Id, DeviceLayout.Suffix(deleted.Id), PartitionEntryKind.Tombstone),
        }));
        Assert.That(_store.ListPartition("sda", 99), Is.Empty);
    }

    [Test]
    public void CleanAll_Leftovers_Removed()
    {
        var tmp = Path.Combine(_root, "sda", "tmp");
        Directory.CreateDirectory(tmp);
        File.WriteAllText(Path.Combine(tmp, "x.tmp"), "partial");

        var cleaner = new TempCleaner(_store.Layout, Microsoft.Extensions.Logging.Abstractions.NullLogger<TempCleaner>.Instance);

        Assert.That(cleaner.CleanAll(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(tmp), Is.Empty);
    }

    [Test]
    public async Task Auditor_VerifyAsync_GoodThenCorrupt()
    {
        var auditor = new Auditor(_store);
        var address = NewAddress();
        await _store.PutAsync(address, TestBlobs.Request(TestBlobs.RandomBytes(10_000)), CancellationToken.None);

        var good = await auditor.VerifyAsync(address, CancellationToken.None);
        Corrupt(_store.Layout.DataPath(address), 5);
        var bad = await auditor.VerifyAsync(address, CancellationToken.None);
        var after = await auditor.VerifyAsync(address, CancellationToken.None);

        Assert.That(good.Value?.Outcome, Is.EqualTo(AuditOutcome.Verified));
        Assert.That(bad.Value?.Outcome, Is.EqualTo(AuditOutcome.Quarantined));
        Assert.That(after.Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
    }

    private static void Corrupt(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0xFF));
    }

    private async Task AssertStoredBodyAsync(BlobAddress address, byte[] expected)
    {
        using var reader = (await _store.OpenAsync(address, CancellationToken.None)).Value!;
        using var output = new MemoryStream();
        await reader.CopyVerifiedToAsync(output, CancellationToken.None);
        Assert.That(output.ToArray(), Is.EqualTo(expected));
    }

    private async Task AssertNothingStoredAsync(BlobAddress address)
    {
        Assert.That((await _store.OpenAsync(address, CancellationToken.None)).Error?.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
        var tmp = Path.Combine(_root, address.Device, "tmp");
        Assert.That(Directory.Exists(tmp) ? Directory.GetFiles(tmp) : [], Is.Empty, "temp files left behind");
    }
}
