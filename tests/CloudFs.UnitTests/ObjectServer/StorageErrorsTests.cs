using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class StorageErrorsTests
{
    [Test]
    public void IsDiskFull_WriteToDevFull_True()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("/dev/full exists only on Linux.");
        }

        // /dev/full answers every write with ENOSPC: the real exception .NET raises for a full disk.
        var ex = Assert.Catch<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            stream.Write(new byte[4096]);
            stream.Flush();
        });

        Assert.That(StorageErrors.IsDiskFull(ex!), Is.True);
    }

    [Test]
    public void IsDiskFull_OtherIoError_False()
    {
        Assert.That(StorageErrors.IsDiskFull(new FileNotFoundException()), Is.False);
        Assert.That(StorageErrors.IsDiskFull(new InvalidOperationException()), Is.False);
    }

    [Test]
    public void HasLessFreeSpaceThan_TempDirectory_ComparesWithFreeSpace()
    {
        Assert.That(StorageErrors.HasLessFreeSpaceThan(Path.GetTempPath(), long.MaxValue), Is.True);
        Assert.That(StorageErrors.HasLessFreeSpaceThan(Path.GetTempPath(), 1), Is.False);
    }
}
