using System.Net;
using CloudFs.EndToEndTests.Cluster;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Foundation;

/// <summary>The cluster against a real MariaDB, several catalog servers starting at the same moment.</summary>
[Category("E2E")]
public class MariaDbClusterTests : MariaDbTestBase
{
    [Test]
    public async Task Start_TwoClustersOnOneDatabaseAtOnce_MigrateOnceAndBothServe()
    {
        // Two "hosts" (two loopback addresses), each with an account and a container server,
        // all four racing to migrate the same empty database.
        await using var first = new CloudFsCluster(ConnectionString);
        await using var second = new CloudFsCluster(ConnectionString);

        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        foreach (var cluster in new[] { first, second })
        {
            foreach (var role in CloudFsCluster.Roles.Keys)
            {
                using var response = await cluster.Http.GetAsync(cluster.Url(role, "/healthcheck"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{role} on {cluster.Address}");
            }
        }

        await using var connection = new MySqlConnection(ConnectionString);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToList();
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")).ToList();
        var users = (await connection.QueryAsync<string>("SELECT CONCAT(account, ':', username) FROM user ORDER BY id")).ToList();

        Assert.That(versions.Order(), Is.EqualTo(Enumerable.Range(1, versions.Count)), "every migration applied exactly once");
        Assert.That(tables, Is.SupersetOf(new[] { "user", "stobj", "record", "quota", "metadata", "webconf", "token", "host", "stat_storage" }));
        Assert.That(users, Is.EquivalentTo(new[] { "admin:admin", "test:tester" }), "bootstrap users exist once, whichever server made them");
    }
}
