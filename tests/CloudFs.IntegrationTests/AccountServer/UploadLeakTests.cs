using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>
/// An admitted upload that is refused, loses its race or is abandoned frees its reservation at
/// once and queues its blob; a commit may never name a blob the collector may already hold.
/// </summary>
public sealed class UploadLeakTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    // A quota far from reach: admissions reserve room only where a quota exists.
    private static readonly (string, string) Roomy = ("X-Container-Meta-Quota-Bytes", "1000000000");

    [Test]
    public async Task RefusedCommit_OverQuota_ReleasesTheReservationAndQueuesTheBlob()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-Quota-Bytes", "100"));
        // A chunked upload: the size is not known at admission, the commit finds it over quota.
        var reservation = await AdmitAsync("c", "big", -1);
        Assert.That(await ReservedObjectsAsync(), Is.EqualTo(1), "admission holds one object");
        var blob = Backend.NewBlobId();

        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/big", Backend.Owner, Backend.Commit(blob, 500, ("X-Backend-Reservation", reservation)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        await AssertReleasedAndQueuedAsync(blob);
    }

    [Test]
    public async Task LostRace_OlderTimestamp_ReleasesTheReservationAndQueuesTheBlob()
    {
        await CreateContainerAsync("c", Roomy);
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner,
            Backend.Commit(Backend.NewBlobId(), 1, ("X-Timestamp", "2000000000.00000"))), Is.EqualTo(HttpStatusCode.Created));
        var reservation = await AdmitAsync("c", "o", 5);
        Assert.That(await ReservedBytesAsync(), Is.EqualTo(5));
        var blob = Backend.NewBlobId();

        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner,
            Backend.Commit(blob, 5, ("X-Backend-Reservation", reservation), ("X-Timestamp", "1900000000.00000")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        await AssertReleasedAndQueuedAsync(blob);
    }

    [Test]
    public async Task Abandon_ReleasesTheReservationAndQueuesEveryBlob()
    {
        await CreateContainerAsync("c", Roomy);
        var reservation = await AdmitAsync("c", "o", 1000);
        Assert.That(await ReservedBytesAsync(), Is.EqualTo(1000));
        var (first, second) = (Backend.NewBlobId(), Backend.NewBlobId());

        using var response = await AbandonAsync("/abandon/d1/0/AUTH_test/c/o", $"{{\"reservation\":\"{reservation}\",\"blob_ids\":[\"{first}\",\"{second}\"]}}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertReleasedAndQueuedAsync(first);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage WHERE blob_id = @Id", new { Id = second }), Is.EqualTo(1));
        using var again = await AbandonAsync("/abandon/d1/0/AUTH_test/c/o", $"{{\"reservation\":\"{reservation}\",\"blob_ids\":[\"{first}\"]}}");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "repeating it is harmless");
        Assert.That(await ReservedBytesAsync(), Is.Zero, "released once, not twice");
    }

    [Test]
    public async Task Abandon_BadBlobId_IsRefused()
    {
        using var response = await AbandonAsync("/abandon/d1/0/AUTH_test/c/o", "{\"reservation\":\"\",\"blob_ids\":[\"../../etc\"]}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Commit_NamingAQueuedBlobNoRowNames_IsRefused()
    {
        await CreateContainerAsync("c");
        var blob = Backend.NewBlobId();
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/source", Backend.Owner, Backend.Commit(blob, 3));
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/source", Backend.Owner);

        // A copy that read the source before its delete commits after it.
        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/late-copy", Backend.Owner, Backend.Commit(blob, 3));

        await AssertRefusedAndUnnamedAsync(status, blob);
    }

    [Test]
    public async Task Commit_NamingAQueuedBlobARowStillNames_IsAccepted()
    {
        var blob = await QueuedBlobBStillNamesAsync();

        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/copy-of-b", Backend.Owner, Backend.Commit(blob, 3));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), "b still names it: the queue entry is stale, the copy is fine");
    }

    [Test]
    public async Task Commit_OfAWrittenBlobTheProxyGaveUp_IsRefused()
    {
        await CreateContainerAsync("c", Roomy);
        var reservation = await AdmitAsync("c", "o", 3);
        var blob = Backend.NewBlobId();
        // The proxy gave the upload up (a timeout) while its commit was still on the way.
        using (var abandoned = await AbandonAsync("/abandon/d1/0/AUTH_test/c/o", $"{{\"reservation\":\"{reservation}\",\"blob_ids\":[\"{blob}\"]}}"))
        {
            Assert.That(abandoned.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner,
            Backend.Commit(blob, 3, ("X-Backend-Reservation", reservation), Written));

        await AssertRefusedAndUnnamedAsync(status, blob);
    }

    [Test]
    public async Task Commit_OfAWrittenBlob_AsksTheQueueOnly()
    {
        var blob = await QueuedBlobBStillNamesAsync();

        // The proxy says only of a blob it has just made that it wrote it; were it to say so of b's,
        // the commit would not look for the rows naming it, and the queue entry alone would decide.
        var asCopy = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/copy", Backend.Owner, Backend.Commit(blob, 3));
        var asWritten = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/written", Backend.Owner, Backend.Commit(blob, 3, Written));

        Assert.That(asCopy, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(asWritten, Is.EqualTo(HttpStatusCode.NotFound), "the reads of the rows and pieces naming it were left out");
    }

    [Test]
    public async Task Commit_OfAWrittenBlob_IsStored()
    {
        await CreateContainerAsync("c", Roomy);
        var reservation = await AdmitAsync("c", "o", 3);
        var blob = Backend.NewBlobId();

        var status = await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Owner,
            Backend.Commit(blob, 3, ("X-Backend-Reservation", reservation), Written));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE blob_id = @Id", new { Id = blob }), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM reservation"), Is.Zero);
    }

    private static readonly (string, string) Written = ("X-Backend-Blob-Written", "1");

    // The commit was refused and no row names the collectable blob.
    private async Task AssertRefusedAndUnnamedAsync(HttpStatusCode status, string blob)
    {
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE blob_id = @Id", new { Id = blob }), Is.Zero, "no row names a collectable blob");
    }

    // Objects a and b name one blob; a's delete queues it while b still names it.
    private async Task<string> QueuedBlobBStillNamesAsync()
    {
        await CreateContainerAsync("c");
        var blob = Backend.NewBlobId();
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/a", Backend.Owner, Backend.Commit(blob, 3));
        await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c/b", Backend.Owner, Backend.Commit(blob, 3));
        await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c/a", Backend.Owner);
        return blob;
    }

    private async Task AssertReleasedAndQueuedAsync(string blob)
    {
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM reservation"), Is.Zero, "the reservation is gone at once");
        Assert.That(await ReservedBytesAsync(), Is.Zero);
        Assert.That(await ReservedObjectsAsync(), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COALESCE(SUM(reserved_bytes + reserved_objects), 0) FROM quota"), Is.Zero, "the account's counters too");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM garbage WHERE blob_id = @Id", new { Id = blob }), Is.EqualTo(1), "the blob is queued");
    }

    private Task<long> ReservedBytesAsync() => ScalarAsync<long>("SELECT q.reserved_bytes FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container'");

    private Task<long> ReservedObjectsAsync() => ScalarAsync<long>("SELECT q.reserved_objects FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container'");

    private async Task<string> AdmitAsync(string container, string name, long length)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/admit/d1/0/AUTH_test/{container}/{name}", Backend.Owner,
            ("X-Backend-Content-Length", length.ToString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (string)JsonNode.Parse(text)!["reservation"]!;
    }

    private async Task<HttpResponseMessage> AbandonAsync(string path, string json)
    {
        using var request = Backend.Request(HttpMethod.Post, path, Backend.Owner);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Client.SendAsync(request);
    }
}
