using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// What a read-only session sees on both databases while another session commits: a snapshot
/// session keeps the snapshot of its first read; a plain one on MariaDB runs in autocommit
/// (no BEGIN, no ROLLBACK, each statement its own fresh snapshot, as READ COMMITTED gave inside
/// a transaction) and on SQLite is a WAL snapshot like the snapshot session.
/// </summary>
public sealed class ReadSessionTests(CatalogProvider provider) : OneRowFixtureBase(provider)
{
    [Test]
    public async Task SnapshotSession_KeepsReadingTheSnapshotOfItsFirstRead()
    {
        await using var snapshot = await CatalogSession.BeginSnapshotAsync(Database, CancellationToken.None);
        Assert.That(await ValueAsync(snapshot), Is.EqualTo(1));

        await SetAsync(2);

        Assert.That(await ValueAsync(snapshot), Is.EqualTo(1), "a commit after the first read is not seen");
        await using var later = await CatalogSession.BeginSnapshotAsync(Database, CancellationToken.None);
        Assert.That(await ValueAsync(later), Is.EqualTo(2));
    }

    [Test]
    public async Task ReadOnlySession_OnMariaDbRunsInAutocommit_OnSqliteReadsOneSnapshot()
    {
        await using var read = await CatalogSession.BeginAsync(Database, CancellationToken.None, readOnly: true);
        Assert.That(await ValueAsync(read), Is.EqualTo(1));

        await SetAsync(2);

        if (Provider == CatalogProvider.MySql)
        {
            Assert.That(read.Transaction, Is.Null);
            Assert.That(await read.ScalarAsync<long>("SELECT @@in_transaction", null, CancellationToken.None), Is.Zero,
                "no transaction was begun for the reads");
            Assert.That(await ValueAsync(read), Is.EqualTo(2), "each statement reads what was committed before it");
        }
        else
        {
            Assert.That(await ValueAsync(read), Is.EqualTo(1), "a deferred SQLite transaction is a WAL snapshot");
        }

        await read.CommitAsync(CancellationToken.None);
    }

    [Test]
    public async Task SnapshotSession_OnMariaDb_IsAReadOnlyTransaction()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("MariaDB's transaction mode only");
        }

        await using var snapshot = await CatalogSession.BeginSnapshotAsync(Database, CancellationToken.None);
        Assert.That(await snapshot.ScalarAsync<long>("SELECT @@in_transaction", null, CancellationToken.None), Is.EqualTo(1));
        var refused = Assert.CatchAsync<System.Data.Common.DbException>(() =>
            snapshot.ExecuteAsync("UPDATE item SET n = 3", null, CancellationToken.None));
        Assert.That(refused!.Message, Does.Contain("READ ONLY"));
    }
}
