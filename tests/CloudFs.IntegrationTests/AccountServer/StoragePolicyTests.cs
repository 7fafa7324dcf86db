using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using CloudFs.Common.Policies;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>
/// Container policies in the catalog (migration 3) with Swift's answers, recorded from Swift
/// 2.30.1 with the same three policies: Policy-0 (default), silver (alias gold), bronze (deprecated).
/// </summary>
public sealed class StoragePolicyTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    public static readonly string[] ThreePolicies =
    [
        "--Cluster:StoragePolicies:0:Name=Policy-0", "--Cluster:StoragePolicies:0:Index=0", "--Cluster:StoragePolicies:0:Default=true",
        "--Cluster:StoragePolicies:1:Name=silver", "--Cluster:StoragePolicies:1:Index=1", "--Cluster:StoragePolicies:1:Aliases:0=gold",
        "--Cluster:StoragePolicies:2:Name=bronze", "--Cluster:StoragePolicies:2:Index=2", "--Cluster:StoragePolicies:2:Deprecated=true",
    ];

    protected override string[] ExtraArgs => ThreePolicies;

    [Test]
    public async Task Put_NoPolicy_TakesTheDefault()
    {
        await CreateContainerAsync("c");
        Assert.That(await PolicyOfAsync("c"), Is.Zero);
    }

    [TestCase("silver")]
    [TestCase("gold")]
    [TestCase("SILVER")]
    public async Task Put_NameOrAliasInAnyCase_StoresTheIndex(string asked)
    {
        await CreateContainerAsync("c", ("X-Storage-Policy", asked));
        Assert.That(await PolicyOfAsync("c"), Is.EqualTo(1));
    }

    [TestCase("nope")]
    [TestCase("1")]
    public async Task Put_UnknownPolicy_400TextPlainAndNothingStored(string asked)
    {
        using var response = await SendAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Storage-Policy", asked));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo($"Invalid X-Storage-Policy '{asked}'"));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'container'"), Is.Zero);
    }

    [Test]
    public async Task Put_DeprecatedPolicy_400AsSwiftAndNothingStored()
    {
        using var response = await SendAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Storage-Policy", "bronze"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Storage Policy 'bronze' is deprecated"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'container'"), Is.Zero);
    }

    [Test]
    public async Task Put_ExistingContainer_OtherPolicy409_SameOrNone202()
    {
        await CreateContainerAsync("c", ("X-Storage-Policy", "gold"));
        var metadataBefore = await ScalarAsync<long>("SELECT COUNT(*) FROM metadata");

        using var conflict = await SendAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Storage-Policy", "Policy-0"),
            ("X-Container-Meta-Color", "red"));
        Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await conflict.Content.ReadAsStringAsync(),
            Is.EqualTo("<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM metadata"), Is.EqualTo(metadataBefore), "a refused PUT changes nothing");

        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Storage-Policy", "silver")), Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await StatusAsync(HttpMethod.Put, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await PolicyOfAsync("c"), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_PolicyHeader_IsIgnoredAsSwift()
    {
        await CreateContainerAsync("c", ("X-Storage-Policy", "silver"));

        Assert.That(await StatusAsync(HttpMethod.Post, "/d1/0/AUTH_test/c", Backend.Owner, ("X-Storage-Policy", "Policy-0")), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await PolicyOfAsync("c"), Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_ThenPutWithAnotherPolicy_Created()
    {
        await CreateContainerAsync("c", ("X-Storage-Policy", "silver"));
        Assert.That(await StatusAsync(HttpMethod.Delete, "/d1/0/AUTH_test/c", Backend.Owner), Is.EqualTo(HttpStatusCode.NoContent));

        await CreateContainerAsync("c", ("X-Storage-Policy", "Policy-0"));
        Assert.That(await PolicyOfAsync("c"), Is.Zero);
    }

    [Test]
    public async Task Admit_AnswersTheContainersPolicy()
    {
        await CreateContainerAsync("s", ("X-Storage-Policy", "silver"));
        await CreateContainerAsync("p");

        Assert.That(await AdmittedPolicyAsync("s"), Is.EqualTo(1));
        Assert.That(await AdmittedPolicyAsync("p"), Is.Zero);
    }

    [Test]
    public async Task Commit_ObjectRow_KeepsThePolicyOfItsBlob()
    {
        await CreateContainerAsync("s", ("X-Storage-Policy", "silver"));

        Assert.That(await PutObjectAsync("s", "plain", 5), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await PutObjectAsync("s", "copied", 5, null, ("X-Backend-Storage-Policy-Index", "0")), Is.EqualTo(HttpStatusCode.Created));

        Assert.That(await ScalarAsync<long>("SELECT policy_index FROM stobj WHERE type = 'object' AND name = 'plain'"), Is.EqualTo(1),
            "without the header: the container's policy");
        Assert.That(await ScalarAsync<long>("SELECT policy_index FROM stobj WHERE type = 'object' AND name = 'copied'"), Is.Zero,
            "a copy's blob stays in the source's policy");
    }

    [Test]
    public void Start_BrokenPolicies_RefusesWithSwiftsReason()
    {
        string[] twoDefaults =
        [
            "--Cluster:StoragePolicies:0:Name=a", "--Cluster:StoragePolicies:0:Index=0", "--Cluster:StoragePolicies:0:Default=true",
            "--Cluster:StoragePolicies:1:Name=b", "--Cluster:StoragePolicies:1:Index=1", "--Cluster:StoragePolicies:1:Default=true",
        ];

        var refused = Assert.ThrowsAsync<StoragePolicyException>(() =>
            AccountServerHost.StartAsync(Options, Path.Combine(WorkDirectory, "refused"), twoDefaults));
        Assert.That(refused!.Message, Does.Contain("Duplicate default"));
    }

    private Task<long> PolicyOfAsync(string container) =>
        ScalarAsync<long>("SELECT policy_index FROM stobj WHERE type = 'container' AND name = @Name", new { Name = container });

    private async Task<int> AdmittedPolicyAsync(string container)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/admit/d1/0/AUTH_test/{container}/o", Backend.Owner, ("X-Backend-Content-Length", "5"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["policy_index"]!;
    }
}
