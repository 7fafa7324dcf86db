using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// ObjectServer:MountCheck in a real object server: the device directory d1 answers 507 while
/// it is a plain directory (and /recon/alerts says device_unmounted), and 201 once a tmpfs is
/// mounted on it. Mounting needs root on Linux; the test is skipped, saying so, only when the
/// mount itself fails, and never leaves it mounted.
/// </summary>
[Category("E2E")]
public class MountCheckTests
{
    private CloudFsCluster _cluster = null!;
    private TmpfsMount _device = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = new CloudFsCluster();
        _device = new TmpfsMount(Path.Combine(_cluster.DevicesRoot(1), "d1"));
        await _cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_ObjectServer__MountCheck"] = "true" });
    }

    [TearDown]
    public Task TearDown() => _device.TearDownAsync(_cluster);

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
        Assert.That(Directory.GetFileSystemEntries(_device.Path), Is.Empty, "nothing written into the bare directory");
        Assert.That(await AlertsAsync(), Is.EqualTo(new[] { "device_unmounted d1" }), "/recon/alerts");

        await _device.MountOrIgnoreAsync("4m");

        using (var put = await _cluster.Http.PutAsync(_cluster.Url("object", path), new ByteArrayContent([1, 2, 3])))
        using (var get = await _cluster.Http.GetAsync(_cluster.Url("object", path)))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        }

        Assert.That(await MountedAsync(), Is.True, "/recon/diskusage");
        Assert.That(await AlertsAsync(), Is.Empty, "/recon/alerts once mounted");
        Assert.That(Directory.GetFiles(_device.Path, id + ".data", SearchOption.AllDirectories), Has.Length.EqualTo(1), "stored on the tmpfs");
    }

    private async Task<string[]> AlertsAsync() =>
        JsonNode.Parse(await _cluster.Http.GetStringAsync(_cluster.Url("object", "/recon/alerts")))!.AsArray()
            .Select(a => $"{a!["kind"]} {a["subject"]}").ToArray();

    private async Task<bool?> MountedAsync()
    {
        var usage = JsonNode.Parse(await _cluster.Http.GetStringAsync(_cluster.Url("object", "/recon/diskusage")))!.AsArray();
        return (bool?)usage.Single(d => (string?)d!["device"] == "d1")!["mounted"];
    }
}
