using CloudFs.Common.Hosting;
using Microsoft.Extensions.Configuration;

namespace CloudFs.UnitTests.Common.Hosting;

public class ConfigurationDumpTests
{
    [Test]
    public void ToJson_Secrets_AreMasked()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Server:Port"] = "7011",
            ["Cluster:HashPathSuffix"] = "s3cret",
            ["Catalog:ConnectionString"] = "Server=db;User ID=cloudfs;Password=hunter2;Database=c",
            ["Bootstrap:AdminPassword"] = "pw",
            ["Unrelated:Thing"] = "x",
        }).Build();

        var json = ConfigurationDump.ToJson(config).ToJsonString();

        Assert.That(json, Does.Contain("7011"));
        Assert.That(json, Does.Not.Contain("s3cret").And.Not.Contain("hunter2").And.Not.Contain("\"pw\""));
        Assert.That(json, Does.Not.Contain("cloudfs").And.Not.Contain("db;"), "the database host and user are not shown either");
        Assert.That(json, Does.Contain("\"ConnectionString\":\"***\""));
        Assert.That(json, Does.Not.Contain("Unrelated"));
    }
}
