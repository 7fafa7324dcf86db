using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// ObjectServer:MountCheck in a real object server: the device directory d1 answers 507 while
/// it is a plain directory, and 201 once a tmpfs is mounted on it. Mounting needs root on Linux;
/// the test is skipped, saying so, only when the mount itself fails, and never leaves it mounted.
/// </summary>
[Category("E2E")]
public class MountCheckTests
{
    private CloudFsCluster _cluster = null!;
    private string _device = "";
    private bool _mounted;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = new CloudFsCluster();
        _device = Path.Combine(_cluster.DevicesRoot(1), "d1");
        await _cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_ObjectServer__MountCheck"] = "true" });
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_mounted || IsMounted())
        {
            // The server goes first so that nothing holds the mount busy.
            _cluster.Stop("object");
            if (Run("umount", _device).Code != 0)
            {
                Run("umount", "-l", _device);
            }
        }

        await _cluster.DisposeAsync();
        Assert.That(IsMounted(), Is.False, $"{_device} is still mounted");
    }

    [Test]
    public async Task MountCheck_PlainDirectoryThenTmpfs_InsufficientStorageThenStored()
    {
        var id = Guid.CreateVersion7().ToString("N");
        var path = $"/d1/3/blobs/{id}";
        using (var put = await _cluster.Http.PutAsync(_cluster.Url("object", path), new ByteArrayContent([1, 2, 3])))
        using (var get = await _cluster.Http.GetAsync(_cluster.Url("object", path)))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.InsufficientStorage));
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.InsufficientStorage));
        }

        Assert.That(await MountedAsync(), Is.False, "/recon/diskusage");
        Assert.That(Directory.GetFileSystemEntries(_device), Is.Empty, "nothing written into the bare directory");

        var mount = Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _device);
        _mounted = mount.Code == 0;
        if (!_mounted)
        {
            Assert.Ignore($"Cannot mount a tmpfs on {_device} (needs root on Linux): {mount.Output}");
        }

        using (var put = await _cluster.Http.PutAsync(_cluster.Url("object", path), new ByteArrayContent([1, 2, 3])))
        using (var get = await _cluster.Http.GetAsync(_cluster.Url("object", path)))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        }

        Assert.That(await MountedAsync(), Is.True, "/recon/diskusage");
        Assert.That(Directory.GetFiles(_device, id + ".data", SearchOption.AllDirectories), Has.Length.EqualTo(1), "stored on the tmpfs");
    }

    private async Task<bool?> MountedAsync()
    {
        var usage = JsonNode.Parse(await _cluster.Http.GetStringAsync(_cluster.Url("object", "/recon/diskusage")))!.AsArray();
        return (bool?)usage.Single(d => (string?)d!["device"] == "d1")!["mounted"];
    }

    // The kernel escapes only space, tab, newline and backslash, none of which a temp path holds.
    private bool IsMounted() =>
        File.Exists("/proc/self/mountinfo")
        && File.ReadAllLines("/proc/self/mountinfo").Any(line => line.Split(' ') is { Length: > 4 } f && f[4] == _device);

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
