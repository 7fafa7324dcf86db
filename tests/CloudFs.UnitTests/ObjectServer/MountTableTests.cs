using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class MountTableTests
{
    private const string Sample =
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n" +
        "36 22 8:17 / /srv/node/sdb1 rw,noatime shared:2 - xfs /dev/sdb1 rw,attr2\n" +
        "37 22 0:33 / /srv/node/with\\040space rw - tmpfs tmpfs rw\n" +
        "38 22 0:34 /dir /srv/node/bind\\134slash rw - ext4 /dev/sda1 rw\n";

    [Test]
    public void ParseMountPoints_Sample_FifthColumnOfEveryLine()
    {
        var points = MountTable.ParseMountPoints(Sample);

        Assert.That(points, Is.EquivalentTo(new[] { "/", "/srv/node/sdb1", "/srv/node/with space", "/srv/node/bind\\slash" }));
    }

    [Test]
    public void ParseMountPoints_ShortOrEmptyLines_Ignored()
    {
        var points = MountTable.ParseMountPoints("\n22 1 8:1\n\n36 22 8:17 / /data rw - xfs /dev/sdb rw\n");

        Assert.That(points, Is.EquivalentTo(new[] { "/data" }));
    }

    [TestCase("/plain", "/plain")]
    [TestCase("/a\\040b", "/a b")]
    [TestCase("/tab\\011end", "/tab\tend")]
    [TestCase("/nl\\012", "/nl\n")]
    [TestCase("/back\\134slash", "/back\\slash")]
    [TestCase("/caf\\303\\251", "/café")]
    [TestCase("/not\\999octal", "/not\\999octal")]
    [TestCase("/short\\04", "/short\\04")]
    public void Unescape_KernelOctalEscapes_Decoded(string field, string expected) =>
        Assert.That(MountTable.Unescape(field), Is.EqualTo(expected));

    [Test]
    public void RealPath_SymlinkedDirectory_ResolvesToTarget()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("realpath is a POSIX call.");
        }

        var root = TestBlobs.NewRoot("target");
        try
        {
            var link = Path.Combine(root, "link");
            Directory.CreateSymbolicLink(link, Path.Combine(root, "target"));

            Assert.That(MountTable.RealPath(Path.Combine(link, ".")), Is.EqualTo(MountTable.RealPath(Path.Combine(root, "target"))));
            Assert.That(MountTable.RealPath(Path.Combine(root, "missing")), Is.Null);
        }
        finally
        {
            TestBlobs.DeleteRoot(root);
        }
    }

    [Test]
    public void IsMountPoint_RootAndPlainDirectory_TrueThenFalse()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Mount points are read the Linux way.");
        }

        var root = TestBlobs.NewRoot("plain");
        try
        {
            var plain = Path.Combine(root, "plain");
            var link = Path.Combine(root, "link-to-root");
            Directory.CreateSymbolicLink(link, "/");

            Assert.That(MountTable.IsMountPoint("/"), Is.True);
            Assert.That(MountTable.IsMountPoint(plain), Is.False);
            Assert.That(MountTable.IsMountPoint(Path.Combine(root, "missing")), Is.False);
            Assert.That(MountTable.IsMountPoint(link), Is.False, "a link is never a mount point (Swift's ismount)");

            // Both ways of asking agree (statx may be unavailable on an old kernel: null).
            Assert.That(MountTable.IsMountPointByTable("/"), Is.True);
            Assert.That(MountTable.IsMountPointByTable(plain), Is.False);
            Assert.That(MountTable.IsMountRootByStatx("/"), Is.True.Or.Null);
            Assert.That(MountTable.IsMountRootByStatx(plain), Is.False.Or.Null);
        }
        finally
        {
            TestBlobs.DeleteRoot(root);
        }
    }
}
