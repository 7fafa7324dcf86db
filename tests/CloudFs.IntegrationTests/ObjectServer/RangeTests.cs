using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace CloudFs.IntegrationTests.ObjectServer;

public class RangeTests
{
    private ObjectServerHost _host = null!;
    private byte[] _data = [];
    private string _path = "";

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _host = await ObjectServerHost.StartAsync();
        _data = BlobApiTests.RandomBytes(1_000_000);
        _path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        using var put = await _host.Client.PutAsync(_path, new ByteArrayContent(_data));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [OneTimeTearDown]
    public async Task OneTimeTearDown() => await _host.DisposeAsync();

    [TestCase("bytes=0-99", 0, 100)]
    [TestCase("bytes=999000-", 999_000, 1000)]
    [TestCase("bytes=-500", 999_500, 500)]
    [TestCase("bytes=400000-700000", 400_000, 300_001)]
    [TestCase("bytes=999999-5000000", 999_999, 1)]
    public async Task Get_SingleRange_PartialContent(string header, int start, int length)
    {
        using var response = await GetAsync(header);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes {start}-{start + length - 1}/{_data.Length}"));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(length));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_data.AsSpan(start, length).ToArray()));
    }

    [Test]
    public async Task Get_SeveralRanges_MultipartWithEachPart()
    {
        (long Start, int Length)[] expected = [(0, 10), (500_000, 300_000), (999_990, 10)];

        using var response = await GetAsync("bytes=0-9,500000-799999,-10");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        var contentType = response.Content.Headers.ContentType!;
        Assert.That(contentType.MediaType, Is.EqualTo("multipart/byteranges"));
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(body.LongLength, Is.EqualTo(response.Content.Headers.ContentLength));

        var reader = new MultipartReader(boundary, new MemoryStream(body)) { BodyLengthLimit = null };
        foreach (var (start, length) in expected)
        {
            var section = await reader.ReadNextSectionAsync();
            Assert.That(section, Is.Not.Null);
            Assert.That(section!.Headers!["Content-Range"].ToString(), Is.EqualTo($"bytes {start}-{start + length - 1}/{_data.Length}"));
            Assert.That(section.ContentType, Is.EqualTo("application/octet-stream"));
            using var part = new MemoryStream();
            await section.Body.CopyToAsync(part);
            Assert.That(part.ToArray(), Is.EqualTo(_data.AsSpan((int)start, length).ToArray()));
        }

        Assert.That(await reader.ReadNextSectionAsync(), Is.Null);
    }

    [TestCase("bytes=1000000-")]
    [TestCase("bytes=2000000-3000000")]
    [TestCase("bytes=-0")]
    public async Task Get_UnsatisfiableRange_RangeNotSatisfiableWithSize(string header)
    {
        using var response = await GetAsync(header);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes */{_data.Length}"));
    }

    [TestCase("bytes=abc")]
    [TestCase("lines=1-2")]
    public async Task Get_MalformedRange_WholeBody(string header)
    {
        using var response = await GetAsync(header);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_data));
    }

    private async Task<HttpResponseMessage> GetAsync(string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _path);
        request.Headers.TryAddWithoutValidation("Range", range);
        return await _host.Client.SendAsync(request);
    }
}
