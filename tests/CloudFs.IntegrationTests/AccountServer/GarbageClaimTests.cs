using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>The collectors' claim: unnamed queued blobs, and the purge that makes it a POST.</summary>
public sealed class GarbageClaimTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    // No grace: a blob is a candidate as soon as it is queued.
    protected override string[] ExtraArgs => ["--AccountServer:GarbageGraceSeconds=0"];

    [Test]
    public async Task Claim_QueuedBlobs_OffersOnlyThoseNothingNames()
    {
        await CreateContainerAsync("c");
        var (dropped, shared) = (Backend.NewBlobId(), Backend.NewBlobId());
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/a", Backend.Owner, Backend.Commit(dropped, 1));
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/b", Backend.Owner, Backend.Commit(shared, 1));
        // A copy of b (its blob) made while b exists: b's delete queues the blob, the copy keeps it.
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/again", Backend.Owner, Backend.Commit(shared, 1)), Is.EqualTo(HttpStatusCode.Created));
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/a", Backend.Owner);
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/b", Backend.Owner);

        var page = await ClaimAsync("");

        Assert.That(page["blob_ids"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { dropped }));
        Assert.That((string?)page["next_marker"], Is.Null);
    }

    [Test]
    public async Task Claim_FullPage_GivesTheMarkerOfTheNext()
    {
        await CreateContainerAsync("c");
        foreach (var name in new[] { "a", "b", "c" })
        {
            await PutObjectAsync("c", name, 1);
            await StatusAsync(HttpMethod.Delete, $"/d1/0/AUTH_test/c/{name}", Backend.Owner);
        }

        var first = await ClaimAsync("", limit: 2);
        var second = await ClaimAsync((string)first["next_marker"]!, limit: 2);

        Assert.That(first["blob_ids"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(second["blob_ids"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That((string?)second["next_marker"], Is.Null);
    }

    [Test]
    public async Task ClaimByGet_IsRefused()
    {
        Assert.That(await StatusAsync(HttpMethod.Get, "/garbage/claim", Backend.Admin), Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(await StatusAsync(HttpMethod.Get, "/garbage", Backend.Admin), Is.Not.EqualTo(HttpStatusCode.OK));
    }

    private async Task<JsonNode> ClaimAsync(string marker, int limit = 1000)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/garbage/claim?limit={limit}&marker={Uri.EscapeDataString(marker)}", Backend.Admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }
}
