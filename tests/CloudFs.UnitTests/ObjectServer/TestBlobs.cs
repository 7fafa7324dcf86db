using System.Security.Cryptography;
using CloudFs.ObjectServer;
using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudFs.UnitTests.ObjectServer;

/// <summary>Temp devices roots, ids and stores for the object-server unit tests.</summary>
internal static class TestBlobs
{
    public static BlobId NewId()
    {
        Assert.That(BlobId.TryParse(Guid.CreateVersion7().ToString("N"), out var id), Is.True);
        return id;
    }

    public static string NewRoot(params string[] devices)
    {
        var root = Path.Combine(Path.GetTempPath(), "cloudfs-ut-" + Guid.NewGuid().ToString("N"));
        foreach (var device in devices)
        {
            Directory.CreateDirectory(Path.Combine(root, device));
        }

        Directory.CreateDirectory(root);
        return root;
    }

    public static BlobStore NewStore(string root, Action<ObjectServerOptions>? configure = null)
    {
        var options = new ObjectServerOptions { DevicesRoot = root, IoBufferSize = 64 * 1024 };
        configure?.Invoke(options);
        var layout = new DeviceLayout(root);
        var quarantine = new Quarantine(layout, TimeProvider.System, NullLogger<Quarantine>.Instance);
        var devices = new DeviceCheck(layout, options, NullLogger<DeviceCheck>.Instance);
        return new BlobStore(options, layout, quarantine, devices, TimeProvider.System, NullLogger<BlobStore>.Instance);
    }

    public static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }

    public static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    public static PutBlobRequest Request(byte[] data, string? md5 = null, bool chunked = false) =>
        new(new MemoryStream(data), chunked ? null : data.Length, md5, DateTimeOffset.UtcNow);

    public static void DeleteRoot(string root)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
