using System.Net;
using System.Text.Json;
using CloudFs.Catalog;
using CloudFs.Common.Time;
using CloudFs.IntegrationTests.AccountServer;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// What the container server reads of storage policies, on MariaDB and SQLite: a container's
/// X-Storage-Policy, an account's usage per policy (Swift 2.30.1's header shapes) and the
/// policy a resolved object's blob lives in.
/// </summary>
public sealed class PolicyReadTests(CatalogProvider provider) : ContainerServerFixtureBase(provider)
{
    private static readonly long Ts = Timestamp.TryParse("1732441234.56789", out var t) ? t.Units : 0;

    protected override string[] ServerArgs => StoragePolicyTests.ThreePolicies;

    [Test]
    public async Task Reads_PolicyOfContainersObjectsAndAccountUsage()
    {
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var plain = await seed.ContainerAsync(account, "plain", Ts);
            var silver = await seed.ContainerAsync(account, "silver1", Ts);
            var silver2 = await seed.ContainerAsync(account, "silver2", Ts);
            await seed.PolicyAsync(silver, 1);
            await seed.PolicyAsync(silver2, 1);
            await seed.ObjectAsync(account, plain, "a", 11, "0123456789abcdef0123456789abcdef", "text/plain", Ts);
            await seed.ObjectAsync(account, plain, "b", 4, "0123456789abcdef0123456789abcdef", "text/plain", Ts);
            var o = await seed.ObjectAsync(account, silver, "o", 5, "0123456789abcdef0123456789abcdef", "text/plain", Ts);
            await seed.PolicyAsync(o, 1);
            await seed.AccountAsync("AUTH_empty", Ts);
        }

        using (var head = await GetAsync("/sda/1/AUTH_a", method: HttpMethod.Head))
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            var stats = head.Headers.Where(h => h.Key.StartsWith("X-Account-Storage-Policy-", StringComparison.Ordinal))
                .Select(h => $"{h.Key}: {h.Value.Single()}");
            Assert.That(stats, Is.EqualTo(new[]
            {
                "X-Account-Storage-Policy-Policy-0-Container-Count: 1",
                "X-Account-Storage-Policy-Policy-0-Object-Count: 2",
                "X-Account-Storage-Policy-Policy-0-Bytes-Used: 15",
                "X-Account-Storage-Policy-Silver-Container-Count: 2",
                "X-Account-Storage-Policy-Silver-Object-Count: 1",
                "X-Account-Storage-Policy-Silver-Bytes-Used: 5",
            }));
        }

        using (var empty = await GetAsync("/sda/1/AUTH_empty", method: HttpMethod.Head))
        {
            Assert.That(empty.Headers.Any(h => h.Key.StartsWith("X-Account-Storage-Policy-", StringComparison.Ordinal)), Is.False);
        }

        using (var container = await GetAsync("/sda/1/AUTH_a/silver1", method: HttpMethod.Head))
        {
            Assert.That(container.Headers.GetValues("X-Storage-Policy").Single(), Is.EqualTo("silver"));
        }

        using (var container = await GetAsync("/sda/1/AUTH_a/plain?format=json"))
        {
            Assert.That(container.Headers.GetValues("X-Storage-Policy").Single(), Is.EqualTo("Policy-0"));
        }

        using var resolved = await GetAsync("/sda/1/AUTH_a/silver1/o");
        using var json = JsonDocument.Parse(await resolved.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("policy_index").GetInt32(), Is.EqualTo(1));
    }
}
