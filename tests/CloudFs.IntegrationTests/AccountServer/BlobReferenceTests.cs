using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>What fsck asks the catalog: named blobs, and which of a list nothing names.</summary>
public sealed class BlobReferenceTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [Test]
    public async Task Blobs_ByAccount_ListsEachNamedBlobOnceWithItsSize()
    {
        await CreateContainerAsync("c");
        var blob = Backend.NewBlobId();
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/a", Backend.Owner, Backend.Commit(blob, 7));
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/b", Backend.Owner, Backend.Commit(blob, 7));

        using var response = await SendAsync(HttpMethod.Get, "/blobs?account=AUTH_test", Backend.Admin);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var other = await SendAsync(HttpMethod.Get, "/blobs?account=AUTH_other", Backend.Admin);
        var none = JsonNode.Parse(await other.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["blobs"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That((string?)body["blobs"]![0]!["blob_id"], Is.EqualTo(blob));
        Assert.That((long?)body["blobs"]![0]!["size"], Is.EqualTo(7));
        Assert.That((string?)body["next_marker"], Is.Null);
        Assert.That(none["blobs"]!.AsArray(), Is.Empty, "another account names none of them");
    }

    [Test]
    public async Task Unreferenced_MixedIds_ReturnsTheUnnamedOnceEach()
    {
        await CreateContainerAsync("c");
        var named = Backend.NewBlobId();
        var stray = Backend.NewBlobId();
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/a", Backend.Owner, Backend.Commit(named, 1));

        using var request = Backend.Request(HttpMethod.Post, "/blobs/unreferenced", Backend.Admin);
        request.Content = JsonContent.Create(new[] { named, stray, stray });
        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadFromJsonAsync<string[]>(), Is.EqualTo(new[] { stray }));
    }

    [Test]
    public async Task Blobs_NonAdmin_Answers403() =>
        Assert.That(await StatusAsync(HttpMethod.Get, "/blobs", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
}
