using System.Net;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Operations;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// ObjectServer:FsyncMode Grouped in a real object server whose device is a filesystem of its
/// own (a tmpfs, so the test needs root and is ignored without it): concurrent PUTs and a DELETE
/// are answered through the device's group syncs, /metrics counts them, and once the writes are
/// answered the device can be unmounted while the server runs, because the sync handle is closed.
/// </summary>
[Category("E2E")]
public class GroupedSyncTests
{
    private const int Blobs = 24;
    private CloudFsCluster _cluster = null!;
    private TmpfsMount _device = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = new CloudFsCluster();
        _device = new TmpfsMount(Path.Combine(_cluster.DevicesRoot(1), "d1"));
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_ObjectServer__FsyncMode"] = "Grouped",
            ["CLOUDFS_ObjectServer__MountCheck"] = "true",
        });
    }

    [TearDown]
    public Task TearDown() => _device.TearDownAsync(_cluster);

    [Test]
    public async Task ConcurrentWrites_AnsweredThroughGroupSyncs_AndTheIdleDeviceUnmounts()
    {
        await _device.MountOrIgnoreAsync("16m");
        var bodies = Enumerable.Range(0, Blobs).ToDictionary(_ => Guid.CreateVersion7().ToString("N"), i => RandomBytes(4096 + i));

        var puts = await Task.WhenAll(bodies.Select(async b =>
        {
            using var put = await _cluster.Http.PutAsync(_cluster.Url("object", $"/d1/3/blobs/{b.Key}"), new ByteArrayContent(b.Value));
            return put.StatusCode;
        }));
        Assert.That(puts, Is.All.EqualTo(HttpStatusCode.Created));

        foreach (var (id, body) in bodies)
        {
            Assert.That(await _cluster.Http.GetByteArrayAsync(_cluster.Url("object", $"/d1/3/blobs/{id}")), Is.EqualTo(body), id);
        }

        var deleted = bodies.Keys.First();
        using (var delete = await _cluster.Http.DeleteAsync(_cluster.Url("object", $"/d1/3/blobs/{deleted}")))
        {
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var metrics = PrometheusScrape.Parse(await _cluster.Http.GetStringAsync(_cluster.Url("object", "/metrics")));
        var syncs = metrics.Sum("cloudfs_object_group_syncs_total", ("device", "d1"), ("outcome", "ok"));
        var writes = metrics.Sum("cloudfs_object_group_syncs_writes_total", ("device", "d1"), ("outcome", "ok"));
        Assert.Multiple(() =>
        {
            // A PUT waits for a sync before its rename and another after it; a DELETE for one.
            Assert.That(writes, Is.EqualTo((2 * Blobs) + 1), "writes answered by group syncs");
            Assert.That(syncs, Is.InRange(1, writes), "group syncs");
            Assert.That(metrics.Sum("cloudfs_object_group_syncs_total", ("outcome", "error")), Is.Zero, "failed syncs");
        });

        // No request in flight: the handle the syncs went through is closed (by the sync loop, a
        // moment after the last answer), so nothing holds the mount busy: a plain umount, not the
        // lazy one TearDown falls back to.
        var umount = await ToolRunner.RunAsync("umount", [_device.Path]);
        for (var i = 0; i < 20 && umount.ExitCode != 0; i++)
        {
            await Task.Delay(100);
            umount = await ToolRunner.RunAsync("umount", [_device.Path]);
        }

        Assert.That(umount.ExitCode, Is.Zero, $"umount: {umount.Output} {umount.Error}");
    }

    private static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }
}
