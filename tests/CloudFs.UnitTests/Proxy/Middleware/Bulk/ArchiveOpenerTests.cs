using System.Formats.Tar;
using System.IO.Compression;
using CloudFs.Proxy.Middleware.Bulk;
using ICSharpCode.SharpZipLib.BZip2;

namespace CloudFs.UnitTests.Proxy.Middleware.Bulk;

/// <summary>The reasons are Python 3.11 tarfile's for the same bytes (what Swift puts after "Invalid Tar File: ").</summary>
public class ArchiveOpenerTests
{
    private static byte[] Tar(params (string Name, string Content)[] files)
    {
        var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)) });
            }
        }

        return buffer.ToArray();
    }

    private static async Task<List<string>> NamesAsync(Stream tar)
    {
        var names = new List<string>();
        await using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private static string Reason(byte[] body, ArchiveKind kind) =>
        Assert.ThrowsAsync<InvalidArchiveException>(() => ArchiveOpener.OpenAsync(new MemoryStream(body), kind, CancellationToken.None))!.Message;

    [Test]
    public void OpenAsync_NotAnArchive_GivesPythonsReason()
    {
        Assert.That(Reason([], ArchiveKind.Tar), Is.EqualTo("empty file"));
        Assert.That(Reason("not a tar file at all"u8.ToArray(), ArchiveKind.Tar), Is.EqualTo("truncated header"));
        Assert.That(Reason(Enumerable.Repeat((byte)'x', 1024).ToArray(), ArchiveKind.Tar), Is.EqualTo("invalid header"));
        Assert.That(Reason([], ArchiveKind.TarGz), Is.EqualTo("not a gzip file"));
        Assert.That(Reason("not gz"u8.ToArray(), ArchiveKind.TarGz), Is.EqualTo("not a gzip file"));
        Assert.That(Reason([0x1f, 0x8b, (byte)'g', (byte)'a'], ArchiveKind.TarGz), Is.EqualTo("unsupported compression method"));
        Assert.That(Reason([], ArchiveKind.TarBz2), Is.EqualTo("empty file"));
        Assert.That(Reason("not bz2"u8.ToArray(), ArchiveKind.TarBz2), Is.EqualTo("invalid compressed data"));
        Assert.That(Reason("BZh9garbagegarbage"u8.ToArray(), ArchiveKind.TarBz2), Is.EqualTo("invalid compressed data"));
    }

    [Test]
    public void OpenAsync_DamagedChecksum_IsBadChecksum()
    {
        var tar = Tar(("c/a.txt", "a"));
        tar[0] = (byte)'b';

        Assert.That(Reason(tar, ArchiveKind.Tar), Is.EqualTo("bad checksum"));
    }

    [Test]
    public async Task OpenAsync_Tar_ReadsEveryEntry()
    {
        var tar = await ArchiveOpener.OpenAsync(new MemoryStream(Tar(("a.txt", "a"), ("d/b.txt", "bb"))), ArchiveKind.Tar, CancellationToken.None);

        Assert.That(await NamesAsync(tar), Is.EqualTo(new[] { "a.txt", "d/b.txt" }));
    }

    [Test]
    public async Task OpenAsync_AllZeroArchive_HasNoEntries()
    {
        var tar = await ArchiveOpener.OpenAsync(new MemoryStream(new byte[10240]), ArchiveKind.Tar, CancellationToken.None);

        Assert.That(await NamesAsync(tar), Is.Empty);
    }

    [Test]
    public async Task OpenAsync_Gzip_Decompresses()
    {
        var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            await zip.WriteAsync(Tar(("c/x", "1")));
        }

        var tar = await ArchiveOpener.OpenAsync(new MemoryStream(gz.ToArray()), ArchiveKind.TarGz, CancellationToken.None);

        Assert.That(await NamesAsync(tar), Is.EqualTo(new[] { "c/x" }));
    }

    [Test]
    public async Task OpenAsync_Bzip2_Decompresses()
    {
        var bz = new MemoryStream();
        using (var zip = new BZip2OutputStream(bz) { IsStreamOwner = false })
        {
            var tar = Tar(("c/y", "22"));
            zip.Write(tar, 0, tar.Length);
        }

        var opened = await ArchiveOpener.OpenAsync(new MemoryStream(bz.ToArray()), ArchiveKind.TarBz2, CancellationToken.None);

        Assert.That(await NamesAsync(opened), Is.EqualTo(new[] { "c/y" }));
    }

    [TestCase("tar", ArchiveKind.Tar)]
    [TestCase("TAR.GZ", ArchiveKind.TarGz)]
    [TestCase(".tar.bz2.", ArchiveKind.TarBz2)]
    [TestCase("rar", null)]
    [TestCase("tgz", null)]
    public void ArchiveKinds_Parse_AsSwift(string value, ArchiveKind? expected)
    {
        Assert.That(ArchiveKinds.Parse(value), Is.EqualTo(expected));
    }

    [TestCase("SCHILY.xattr.user.mime_type", "Content-Type")]
    [TestCase("LIBARCHIVE.xattr.user.mime_type", "Content-Type")]
    [TestCase("SCHILY.xattr.user.meta.lunch", "X-Object-Meta-lunch")]
    [TestCase("LIBARCHIVE.xattr.user.meta.dinner", "X-Object-Meta-dinner")]
    [TestCase("SCHILY.xattr.user.stuff", null)]
    [TestCase("mtime", null)]
    public void PaxHeaders_ToSwiftHeader(string key, string? expected)
    {
        Assert.That(PaxHeaders.ToSwiftHeader(key), Is.EqualTo(expected));
    }
}
