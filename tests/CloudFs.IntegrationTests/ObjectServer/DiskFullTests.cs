using System.Diagnostics;
using System.Net;

namespace CloudFs.IntegrationTests.ObjectServer;

/// <summary>
/// A real full disk: device "sdf" is a 1 MiB tmpfs mounted on its directory. Needs root (or
/// CAP_SYS_ADMIN) to mount; skipped otherwise.
/// </summary>
public class DiskFullTests
{
    private ObjectServerHost _host = null!;
    private string _device = "";

    [SetUp]
    public async Task SetUp()
    {
        _host = await ObjectServerHost.StartAsync();
        _device = Path.Combine(_host.DevicesRoot, "sdf");
        Directory.CreateDirectory(_device);
        if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", _device) != 0)
        {
            Assert.Ignore("Cannot mount a tmpfs here (needs root on Linux).");
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        Run("umount", _device);
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Put_DeclaredLengthBiggerThanFreeSpace_InsufficientStorageNothingLeft()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId(), device: "sdf");
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(new byte[1536 * 1024]) };
        request.Headers.ExpectContinue = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InsufficientStorage));
        AssertDeviceEmpty();
    }

    [Test]
    public async Task Put_ChunkedBodyFillsDisk_InsufficientStorageNothingLeft()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId(), device: "sdf");
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StreamContent(new MemoryStream(new byte[1536 * 1024])) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InsufficientStorage));
        AssertDeviceEmpty();

        // Space came back with the temp file: a small blob still fits.
        using var small = await _host.Client.PutAsync(ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId(), device: "sdf"), new ByteArrayContent(new byte[1000]));
        Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    private void AssertDeviceEmpty() =>
        Assert.That(Directory.GetFiles(_device, "*", SearchOption.AllDirectories), Is.Empty, "half-written files left on the device");

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit(10_000);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
