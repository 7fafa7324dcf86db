using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>
/// The failure paths of an upload on a real cluster with a real MariaDB: each releases its
/// quota reservation at once and queues its blob for collection, instead of holding the room
/// for hours and leaving the blob on disk until fsck.
/// </summary>
[Category("E2E")]
public class UploadLeakTests : MariaDbTestBase
{
    private static readonly Dictionary<string, string> FastCollection = new()
    {
        ["CLOUDFS_ObjectServer__GarbageIntervalSeconds"] = "1",
        ["CLOUDFS_AccountServer__GarbageGraceSeconds"] = "0",
    };

    [Test]
    public async Task Put_TwoOfThreeObjectServersDown_Answers503ReleasesAndQueues()
    {
        await using var cluster = new CloudFsCluster(ConnectionString, objectReplicas: 3);
        await cluster.StartAsync();
        var token = await ContainerAsync(cluster, Roomy);
        cluster.Stop("object2");
        cluster.Stop("object3");

        using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/o", token, new ByteArrayContent(new byte[4096]));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        // At once: the proxy's abandon ran before it answered.
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM reservation"), Is.Zero, "no reservation held");
        Assert.That(await ScalarAsync("SELECT COALESCE(SUM(reserved_bytes), 0) FROM quota"), Is.Zero);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM garbage"), Is.EqualTo(1), "the blob id is queued, wherever its bytes got to");
    }

    [Test]
    public async Task Put_ClientGoneMidBody_ReleasesQueuesAndTheBlobLeavesTheDisk()
    {
        await using var cluster = new CloudFsCluster(ConnectionString);
        await cluster.StartAsync(FastCollection);
        var token = await ContainerAsync(cluster, Roomy);

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Parse(cluster.Address), CloudFsCluster.Roles["proxy"].Port);
            var stream = client.GetStream();
            var head = $"PUT /v1/AUTH_test/c/half HTTP/1.1\r\nHost: {cluster.Address}\r\nX-Auth-Token: {token}\r\nContent-Length: 1000000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(new byte[200_000]);
            await stream.FlushAsync();
            // The proxy has admitted the upload and is streaming it to the object server.
            await Wait.UntilAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM reservation") == 1, "the upload is admitted", TimeSpan.FromSeconds(30));
            client.Client.LingerState = new LingerOption(true, 0);
        }

        await Wait.UntilAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM reservation") == 0 && await ScalarAsync("SELECT COUNT(*) FROM garbage") == 1,
            "the reservation is released and the blob queued", TimeSpan.FromSeconds(60));
        Assert.That(await ScalarAsync("SELECT COALESCE(SUM(reserved_objects), 0) FROM quota"), Is.Zero);
        await Wait.UntilAsync(() => Task.FromResult(ProxyHttp.BlobFiles(cluster).Count == 0), "nothing of the upload stays on disk", TimeSpan.FromSeconds(30));
        using var get = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test/c/half", token);
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ChunkedPut_OverQuotaAtCommit_ReleasesQueuesAndTheBlobIsCollected()
    {
        await using var cluster = new CloudFsCluster(ConnectionString);
        await cluster.StartAsync(FastCollection);
        var token = await ContainerAsync(cluster, ("X-Container-Meta-Quota-Bytes", "100"));
        // No Content-Length: admission cannot know the size, the commit refuses it.
        var content = new StreamContent(new MemoryStream(new byte[5000]));

        using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/big", token, content,
            new Dictionary<string, string> { ["Transfer-Encoding"] = "chunked" });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM reservation"), Is.Zero, "released in the refusing transaction");
        Assert.That(await ScalarAsync("SELECT COALESCE(SUM(reserved_objects), 0) FROM quota"), Is.Zero);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM garbage"), Is.EqualTo(1));
        await Wait.UntilAsync(() => Task.FromResult(ProxyHttp.BlobFiles(cluster).Count == 0), "the refused blob is collected", TimeSpan.FromSeconds(30));
    }

    // A quota far from reach: admissions hold room only where a quota exists, and these tests watch that room.
    private static readonly (string Name, string Value) Roomy = ("X-Container-Meta-Quota-Bytes", "1000000000");

    private static async Task<string> ContainerAsync(CloudFsCluster cluster, params (string Name, string Value)[] headers)
    {
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token, null, headers.ToDictionary(h => h.Name, h => h.Value));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return token;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
