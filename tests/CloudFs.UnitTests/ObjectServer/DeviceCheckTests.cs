using CloudFs.ObjectServer;
using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudFs.UnitTests.ObjectServer;

public class DeviceCheckTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = TestBlobs.NewRoot("sda", "sdb");

    [TearDown]
    public void TearDown() => TestBlobs.DeleteRoot(_root);

    private DeviceCheck Check(bool mountCheck, params string[] mounted) =>
        new(new DeviceLayout(_root), mountCheck, path => mounted.Any(d => Path.Combine(_root, d) == path), NullLogger<DeviceCheck>.Instance);

    [Test]
    public void IsUsable_MountCheckOff_AnyExistingDirectory()
    {
        var check = Check(mountCheck: false);

        Assert.That(check.IsUsable("sda"), Is.True);
        Assert.That(check.IsUsable("sdz"), Is.False, "missing directory");
        Assert.That(check.IsUsable("../sda"), Is.False, "not a device name");
    }

    [Test]
    public void IsUsable_MountCheckOn_OnlyMountPoints()
    {
        var check = Check(mountCheck: true, "sdb");

        Assert.That(check.IsUsable("sda"), Is.False);
        Assert.That(check.IsUsable("sdb"), Is.True);
        Assert.That(check.UsableDevices(), Is.EqualTo(new[] { "sdb" }));
        Assert.That(check.AllDevices(), Is.EqualTo(new[] { "sda", "sdb" }));
    }

    [Test]
    public void IsUsable_MountCheckOnButCannotTell_NothingUsable()
    {
        var check = new DeviceCheck(new DeviceLayout(_root), true, _ => null, NullLogger<DeviceCheck>.Instance);

        Assert.That(check.IsUsable("sda"), Is.False);
    }

    [Test]
    public void IsUsable_RealCheckAndPlainTempDirectory_NotAMountPoint()
    {
        if (!File.Exists(MountTable.MountInfoPath))
        {
            Assert.Ignore("No /proc/self/mountinfo here (not Linux).");
        }

        var check = new DeviceCheck(new DeviceLayout(_root), new ObjectServerOptions { DevicesRoot = _root, MountCheck = true },
            NullLogger<DeviceCheck>.Instance);

        Assert.That(check.IsUsable("sda"), Is.False);
    }

    [Test]
    public async Task BlobStore_MountCheckOnAndDeviceNotMounted_InsufficientStorage()
    {
        var options = new ObjectServerOptions { DevicesRoot = _root, MountCheck = true };
        var layout = new DeviceLayout(_root);
        var devices = new DeviceCheck(layout, true, _ => false, NullLogger<DeviceCheck>.Instance);
        var store = new BlobStore(options, layout, new Quarantine(layout, TimeProvider.System, NullLogger<Quarantine>.Instance), devices,
            TimeProvider.System, NullLogger<BlobStore>.Instance);
        var data = TestBlobs.RandomBytes(10);

        var put = await store.PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()), TestBlobs.Request(data), CancellationToken.None);

        Assert.That(put.Error?.Kind, Is.EqualTo(CloudFs.Common.Results.CloudFsErrorKind.InsufficientStorage));
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(_root, "sda")), Is.Empty, "nothing written to the bare directory");
    }
}
