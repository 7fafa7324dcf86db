using System.Data.Common;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// A write session on both databases. On MariaDB its transaction is begun by its first
/// statement's text and committed with its last batch of writes, not by round trips of their
/// own: it must still read at READ COMMITTED, keep nothing it did not commit, and leave no
/// transaction (nor its row locks) behind on the pooled connection when it fails.
/// </summary>
public sealed class WriteSessionTests(CatalogProvider provider) : OneRowFixtureBase(provider)
{
    [Test]
    public async Task FirstStatement_OpensTheTransaction_AndTheCommitWithTheWritesEndsIt()
    {
        await using var session = await CatalogSession.BeginAsync(Database, CancellationToken.None);
        Assert.That(await ValueAsync(session), Is.EqualTo(1));
        session.Defer("UPDATE item SET n = n + 10", null);
        if (Provider == CatalogProvider.MySql)
        {
            Assert.That(await session.ScalarAsync<long>("SELECT @@in_transaction", null, CancellationToken.None), Is.EqualTo(1));
        }

        Assert.That(await CommittedValueAsync(), Is.EqualTo(1), "nobody sees the write before the commit");
        await session.CommitAsync(CancellationToken.None);

        Assert.That(await CommittedValueAsync(), Is.EqualTo(11));
    }

    [Test]
    public async Task OnMariaDb_ItReadsAtReadCommitted()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("SQLite's writer holds the write lock: nobody else commits meanwhile");
        }

        await using var session = await CatalogSession.BeginAsync(Database, CancellationToken.None);
        Assert.That(await ValueAsync(session), Is.EqualTo(1));

        await using (var other = await CatalogSession.BeginAsync(Database, CancellationToken.None))
        {
            await other.ExecuteAsync("UPDATE item SET n = 2", null, CancellationToken.None);
            await other.CommitAsync(CancellationToken.None);
        }

        Assert.That(await ValueAsync(session), Is.EqualTo(2), "REPEATABLE READ, the server's default, would still read 1");
        await session.CommitAsync(CancellationToken.None);
    }

    [Test]
    public async Task OnMariaDb_AFailedSession_RollsBack_AndLeavesNoLockBehind()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("SQLite's write sessions queue for one in-process gate; a failed one's rollback is its transaction's");
        }

        // Opened first, so it holds a connection of its own: the failed session's connection then
        // sits idle in the pool (MySqlConnector resets one only when it is taken again), where a
        // transaction left open would keep its row lock and make this session's update wait.
        await using var next = await CatalogSession.BeginAsync(Database, CancellationToken.None);
        await next.ExecuteAsync("SET SESSION innodb_lock_wait_timeout = 2", null, CancellationToken.None);

        await using (var failed = await CatalogSession.BeginAsync(Database, CancellationToken.None))
        {
            await failed.ExecuteAsync("UPDATE item SET n = 5", null, CancellationToken.None);
            Assert.CatchAsync<DbException>(() => failed.ExecuteAsync("UPDATE item SET nosuch = 1", null, CancellationToken.None));
        }

        Assert.That(await next.ExecuteAsync("UPDATE item SET n = n + 5", null, CancellationToken.None), Is.EqualTo(1));
        await next.CommitAsync(CancellationToken.None);
        Assert.That(await CommittedValueAsync(), Is.EqualTo(6), "the failed session's update was undone, then this one applied");
    }

    [Test]
    public async Task SessionWithoutStatements_CommitsNothing_AndOneThatOnlyReads_Commits()
    {
        await using (var empty = await CatalogSession.BeginAsync(Database, CancellationToken.None))
        {
            await empty.CommitAsync(CancellationToken.None);
        }

        await using (var reads = await CatalogSession.BeginAsync(Database, CancellationToken.None))
        {
            Assert.That(await ValueAsync(reads), Is.EqualTo(1));
            await reads.CommitAsync(CancellationToken.None);
        }

        Assert.That(await CommittedValueAsync(), Is.EqualTo(1));
    }
}
