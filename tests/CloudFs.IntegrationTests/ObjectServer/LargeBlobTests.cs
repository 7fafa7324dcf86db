using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace CloudFs.IntegrationTests.ObjectServer;

[Category("Large")]
public class LargeBlobTests
{
    private const long TwoGiB = 2L * 1024 * 1024 * 1024;

    [Test]
    public async Task PutThenGet_TwoGiBStreamed_SameMd5AndBoundedMemory()
    {
        await using var host = await ObjectServerHost.StartAsync();
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        var content = new GeneratedContent(TwoGiB);

        var putClock = Stopwatch.StartNew();
        using var put = await host.Client.PutAsync(path, content);
        putClock.Stop();

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(put.Headers.ETag?.Tag, Is.EqualTo($"\"{content.Md5Hex}\""));

        var getClock = Stopwatch.StartNew();
        using var get = await host.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(get.Content.Headers.ContentLength, Is.EqualTo(TwoGiB));
        await using var body = await get.Content.ReadAsStreamAsync();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1024 * 1024];
        long received = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            received += read;
        }

        getClock.Stop();

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        TestContext.Out.WriteLine($"2 GiB PUT: {Rate(putClock)} MB/s ({putClock.Elapsed.TotalSeconds:0.0} s); " +
            $"GET (verified): {Rate(getClock)} MB/s ({getClock.Elapsed.TotalSeconds:0.0} s); peak RSS of test process (client + server): {peak / (1024 * 1024)} MiB");
        Assert.That(received, Is.EqualTo(TwoGiB));
        Assert.That(Convert.ToHexStringLower(md5.GetHashAndReset()), Is.EqualTo(content.Md5Hex));
        // Client and server share this process; a buffered body alone would be 2 GiB.
        Assert.That(peak, Is.LessThan(1024L * 1024 * 1024));
    }

    private static string Rate(Stopwatch clock) => (TwoGiB / 1e6 / clock.Elapsed.TotalSeconds).ToString("0");
}
