using CloudFs.Proxy.Middleware.DomainRemap;

namespace CloudFs.UnitTests.Proxy.Middleware;

public class DomainRemapRulesTests
{
    private static DomainRemapResult Map(string host, string path, DomainRemapOptions? options = null) =>
        new DomainRemapRules(options ?? new DomainRemapOptions()).Map(host, path);

    [TestCase("c.AUTH-test.example.com", "/o.txt", "/v1/AUTH_test/c/o.txt")]
    [TestCase("c.auth-test.example.com:8080", "/dir/o", "/v1/AUTH_test/c/dir/o")]
    [TestCase("AUTH_test.example.com", "/c/o", "/v1/AUTH_test/c/o")]
    [TestCase("auth-test.example.com", "/", "/v1/AUTH_test/")]
    [TestCase("c.AUTH_a-b.example.com", "/", "/v1/AUTH_a-b/c/")]
    public void Map_AccountAndContainerSubdomains(string host, string path, string expected)
    {
        Assert.That(Map(host, path), Is.EqualTo(new DomainRemapResult(DomainRemapOutcome.Remapped, expected)));
    }

    [TestCase("127.0.0.1:7010")]
    [TestCase("example.org")]
    [TestCase("c.other-test.example.com")]
    public void Map_OtherHostsOrUnknownPrefixes_AreLeftAlone(string host)
    {
        Assert.That(Map(host, "/v1/AUTH_test"), Is.EqualTo(DomainRemapResult.Unchanged));
    }

    [Test]
    public void Map_TooManyLabels_IsBadDomain()
    {
        Assert.That(Map("x.c.AUTH-test.example.com", "/"), Is.EqualTo(DomainRemapResult.BadDomain));
    }

    [Test]
    public void Map_DefaultPrefixPathRootAndMangling_AsConfigured()
    {
        var options = new DomainRemapOptions
        {
            StorageDomain = "example.com, .storage.test",
            PathRoot = "/v1.0/",
            ResellerPrefixes = "AUTH, SERVICE",
            DefaultResellerPrefix = "AUTH",
            MangleClientPaths = true,
        };

        Assert.That(Map("c.bob.storage.test", "/o", options).Path, Is.EqualTo("/v1.0/AUTH_bob/c/o"));
        Assert.That(Map("c.service-x.example.com", "/v1.0/o", options).Path, Is.EqualTo("/v1.0/SERVICE_x/c/o"));
    }
}
