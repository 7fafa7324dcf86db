using System.Net;
using CloudFs.AccountServer.Core;
using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>A fresh catalog without a configured admin password: the generated one goes to a private file, never to a log.</summary>
public sealed class AdminBootstrapTests
{
    [Test]
    public async Task GeneratedAdminPassword_IsInAPrivateFile_AndLogsIn()
    {
        using var work = new TempDirectory();
        var dataDir = Path.Combine(work.Path, "account");
        var catalog = new CatalogOptions { Provider = CatalogProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(work.Path, "catalog.db")}" };

        await using var host = await AccountServerHost.StartAsync(catalog, dataDir, "--Bootstrap:AdminPassword=");

        var file = Path.Combine(dataDir, UserBootstrapper.AdminPasswordFile);
        Assert.That(File.Exists(file), Is.True);
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.That(password, Has.Length.EqualTo(20));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/v1.0");
        request.Headers.Add("X-Auth-User", "admin:admin");
        request.Headers.Add("X-Auth-Key", password);
        using var response = await host.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ConfiguredAdminPassword_LeavesNoFile()
    {
        using var work = new TempDirectory();
        var dataDir = Path.Combine(work.Path, "account");
        var catalog = new CatalogOptions { Provider = CatalogProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(work.Path, "catalog.db")}" };

        await using var host = await AccountServerHost.StartAsync(catalog, dataDir);

        Assert.That(File.Exists(Path.Combine(dataDir, UserBootstrapper.AdminPasswordFile)), Is.False);
    }
}
