using CloudFs.Common.IO;

namespace CloudFs.UnitTests.Common.IO;

public class DirectIoTests
{
    [Test]
    public void TrySet_TurnsODirectOnAndOff()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "direct-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            Assume.That(OperatingSystem.IsLinux(), Is.True);

            Assert.That(DirectIo.IsOn(file.SafeFileHandle), Is.False);
            Assert.That(DirectIo.TrySet(file.SafeFileHandle, on: true), Is.True);
            Assert.That(DirectIo.IsOn(file.SafeFileHandle), Is.True);
            Assert.That(DirectIo.TrySet(file.SafeFileHandle, on: false), Is.True);
            Assert.That(DirectIo.IsOn(file.SafeFileHandle), Is.False);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
