using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.AccountServer;

public sealed class QuotaTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    [Test]
    public async Task Admit_32ConcurrentUploads_NeverOverTheContainerQuota()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-Quota-Bytes", "1000"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => AdmitAsync("c", $"o{i}", 100)));

        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(10));
        Assert.That(statuses.Count(s => s == HttpStatusCode.RequestEntityTooLarge), Is.EqualTo(22));
        Assert.That(await ScalarAsync<long>("SELECT SUM(bytes) FROM reservation"), Is.EqualTo(1000));
    }

    [Test]
    public async Task Admit_CountQuota_LimitsObjects()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-Quota-Count", "2"));
        await PutObjectAsync("c", "a", 1);
        await PutObjectAsync("c", "b", 1);

        Assert.That(await AdmitAsync("c", "new", 1), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await AdmitAsync("c", "a", 1), Is.EqualTo(HttpStatusCode.OK), "an overwrite adds no object");
    }

    [Test]
    public async Task Commit_TurnsReservationIntoUsage()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-Quota-Bytes", "100"));
        var reservation = await ReserveAsync("c", "o", 60);

        Assert.That(await PutObjectAsync("c", "o", 60, null, ("X-Backend-Reservation", reservation)), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM reservation"), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT reserved_bytes FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container'"), Is.Zero);
        Assert.That(await UsedBytesAsync("c"), Is.EqualTo(60));
        Assert.That(await AdmitAsync("c", "p", 50), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Commit_ChunkedUploadOverQuota_Answers413AndStoresNothing()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-Quota-Bytes", "100"));
        var reservation = await ReserveAsync("c", "o", -1);

        Assert.That(await PutObjectAsync("c", "o", 500, null, ("X-Backend-Reservation", reservation)), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));

        Assert.That(await UsedBytesAsync("c"), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'object'"), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM reservation"), Is.Zero, "a refused commit frees its reservation");
    }

    [Test]
    public async Task AccountQuota_OnlyAdminsMaySetIt_AndItApplies()
    {
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test", Backend.Owner, ("X-Account-Quota-Bytes", "50")), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test", Backend.Admin, ("X-Account-Quota-Bytes", "50")), Is.EqualTo(HttpStatusCode.NoContent));
        await CreateContainerAsync("c");

        Assert.That(await AdmitAsync("c", "o", 51), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await AdmitAsync("c", "o", 50), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Admit_NoQuotaAnywhere_ReservesNothing_AndAQuotaSetMeanwhileStillHolds()
    {
        await CreateContainerAsync("c");
        var reservation = await ReserveAsync("c", "o", 60);
        Assert.That(reservation, Is.Empty, "nothing to hold room against");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM reservation"), Is.Zero);

        // A quota arrives while the body is on its way: the commit checks it all the same.
        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Container-Meta-Quota-Bytes", "50")),
            Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await PutObjectAsync("c", "o", 60), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await UsedBytesAsync("c"), Is.Zero);
        Assert.That(await ReserveAsync("c", "p", 10), Is.Not.Empty, "with a quota, admissions reserve again");
    }

    [Test]
    public async Task Admit_MissingContainer_Answers404()
    {
        using var response = await SendAsync(HttpMethod.Post, "/admit/d1/0/AUTH_test/nowhere/o", Backend.Owner, ("X-Backend-Content-Length", "1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Quota_NotANumber_Answers400() =>
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Container-Meta-Quota-Bytes", "lots")), Is.EqualTo(HttpStatusCode.BadRequest));

    [Test]
    public async Task Reservation_Expired_IsReleasedAtTheNextAdmission()
    {
        await CreateContainerAsync("c", ("X-Container-Meta-Quota-Bytes", "100"));
        await ReserveAsync("c", "o", 100);
        await ScalarAsync<long>("UPDATE reservation SET expires_at = 0");

        Assert.That(await AdmitAsync("c", "p", 100), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM reservation"), Is.EqualTo(1));
    }

    private async Task<HttpStatusCode> AdmitAsync(string container, string name, long length) =>
        await StatusAsync(HttpMethod.Post, $"/admit/d1/0/AUTH_test/{container}/{name}", Backend.Owner, ("X-Backend-Content-Length", length.ToString()));

    private async Task<string> ReserveAsync(string container, string name, long length)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/admit/d1/0/AUTH_test/{container}/{name}", Backend.Owner, ("X-Backend-Content-Length", length.ToString()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reservation"]!;
    }
}
