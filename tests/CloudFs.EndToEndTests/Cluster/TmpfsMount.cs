using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A small tmpfs mounted on a test's device directory: a filesystem of its own, to fill or to
/// take away. Mounting needs root on Linux; a test that cannot mount is ignored, saying why.
/// </summary>
public sealed class TmpfsMount(string path)
{
    public string Path { get; } = path;

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (mount's form: "4m") on the directory, or ignores the test.</summary>
    public async Task MountOrIgnoreAsync(string size)
    {
        var mount = await ToolRunner.RunAsync("mount", ["-t", "tmpfs", "-o", "size=" + size, "tmpfs", Path]);
        if (mount.ExitCode != 0)
        {
            Assert.Ignore($"Cannot mount a tmpfs on {Path} (needs root on Linux): {mount.Output} {mount.Error}".TrimEnd());
        }
    }

    /// <summary>Unmounts if mounted, lazily when busy; the servers that use it should be stopped first.</summary>
    public async Task UnmountAsync()
    {
        if (IsMounted && (await ToolRunner.RunAsync("umount", [Path])).ExitCode != 0)
        {
            await ToolRunner.RunAsync("umount", ["-l", Path]);
        }
    }

    /// <summary>
    /// A test's TearDown: stops the cluster's object server first, so that nothing holds the
    /// mount busy, unmounts, disposes the cluster, and fails if the tmpfs is still mounted.
    /// </summary>
    public async Task TearDownAsync(CloudFsCluster cluster)
    {
        if (IsMounted)
        {
            cluster.Stop("object");
            await UnmountAsync();
        }

        await cluster.DisposeAsync();
        Assert.That(IsMounted, Is.False, $"{Path} is still mounted");
    }

    // The kernel escapes only space, tab, newline and backslash, none of which a temp path holds.
    public bool IsMounted =>
        File.Exists("/proc/self/mountinfo")
        && File.ReadAllLines("/proc/self/mountinfo").Any(line => line.Split(' ') is { Length: > 4 } f && f[4] == Path);
}
