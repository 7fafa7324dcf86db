using System.Data.Common;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// The group commit on a real catalog, SQLite and MariaDB: writers that share a transaction keep
/// their own outcomes (a refused or failed one undoes only its own statements), and a group whose
/// transaction is lost fails every writer in it with none of their rows kept.
/// </summary>
public sealed class GroupCommitterTests(CatalogProvider provider) : CatalogFixtureBase(provider)
{
    private CatalogDatabase _database = null!;
    private GroupCommitter _group = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        _database = await OpenDatabaseAsync();
        await using var session = await CatalogSession.BeginAsync(_database, CancellationToken.None);
        await session.ExecuteAsync(Provider == CatalogProvider.MySql
            ? "CREATE TABLE item (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL UNIQUE) ENGINE=InnoDB"
            : "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)", null, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        _group = new GroupCommitter(_database);
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        await _group.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task ConcurrentWriters_EachKeepsItsOwnOutcome()
    {
        // The first writer holds its group open until everyone else has queued, so they share the next.
        var (first, hold) = await HeldFirstGroupAsync();
        var writers = Enumerable.Range(1, 30).Select(i => _group.RunAsync((session, ct) => i switch
        {
            7 => InsertAsync(session, "refused", commit: false, ct),
            11 => ThrowAfterInsertAsync(session, ct),
            // A duplicate name: the database refuses the statement; only this writer fails.
            13 => InsertAsync(session, "w12", commit: true, ct),
            _ => InsertAsync(session, $"w{i}", commit: true, ct),
        }, CancellationToken.None)).ToList();
        hold.SetResult();

        Assert.That(await first, Is.EqualTo("first"));
        for (var i = 1; i <= 30; i++)
        {
            var writer = writers[i - 1];
            if (i is 11 or 13)
            {
                var failure = Assert.CatchAsync(async () => await writer);
                Assert.That(failure, i == 11 ? Is.TypeOf<InvalidOperationException>() : Is.InstanceOf<DbException>());
            }
            else
            {
                Assert.That(await writer, Is.EqualTo(i == 7 ? "refused" : $"w{i}"));
            }
        }

        var names = await NamesAsync();
        Assert.That(names, Does.Contain("first").And.Contain("w1").And.Contain("w30").And.Contain("w12"));
        Assert.That(names, Has.None.EqualTo("refused").And.None.EqualTo("thrown"));
        Assert.That(names, Has.Count.EqualTo(1 + 30 - 3));
    }

    [Test]
    public async Task LostTransaction_FailsTheWholeGroup_AndKeepsNoneOfItsRows()
    {
        var (first, hold) = await HeldFirstGroupAsync();
        var before = _group.RunAsync((session, ct) => InsertAsync(session, "before", commit: true, ct), CancellationToken.None);
        // Ends the group's transaction under everyone's feet, as an I/O error SQLite answers with a rollback would.
        var saboteur = _group.RunAsync(async (session, ct) =>
        {
            await session.ExecuteAsync("ROLLBACK", null, ct);
            return "saboteur";
        }, CancellationToken.None);
        var after = _group.RunAsync((session, ct) => InsertAsync(session, "after", commit: true, ct), CancellationToken.None);
        hold.SetResult();

        Assert.That(await first, Is.EqualTo("first"));
        Assert.CatchAsync(async () => await before);
        Assert.CatchAsync(async () => await saboteur);
        Assert.CatchAsync(async () => await after);
        Assert.That(await NamesAsync(), Is.EqualTo(new[] { "first" }));

        // The committer goes on with the next group.
        Assert.That(await _group.RunAsync((session, ct) => InsertAsync(session, "next", commit: true, ct), CancellationToken.None), Is.EqualTo("next"));
        Assert.That(await NamesAsync(), Is.EquivalentTo(new[] { "first", "next" }));
    }

    [Test]
    public async Task TransactionLostWithAWritersFailure_FailsTheGroupWithThatCause()
    {
        // MariaDB rolls the whole transaction back on a deadlock: the writer's savepoint is gone with
        // it. The group's writers must hear the deadlock (CatalogWork runs them again), not the
        // missing savepoint.
        var (first, hold) = await HeldFirstGroupAsync();
        var before = _group.RunAsync((session, ct) => InsertAsync(session, "before", commit: true, ct), CancellationToken.None);
        var victim = _group.RunAsync<string>(async (session, ct) =>
        {
            await session.ExecuteAsync("ROLLBACK", null, ct);
            throw new ConcurrentInsertException("as a deadlock would");
        }, CancellationToken.None);
        hold.SetResult();

        Assert.That(await first, Is.EqualTo("first"));
        Assert.CatchAsync<ConcurrentInsertException>(async () => await victim);
        Assert.CatchAsync<ConcurrentInsertException>(async () => await before);
        Assert.That(await NamesAsync(), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public async Task AWriterThatSendsNothing_CommitsNothingAndLeavesTheOthers()
    {
        var (first, hold) = await HeldFirstGroupAsync();
        var idle = _group.RunAsync(async (session, ct) =>
        {
            await session.CommitAsync(ct);
            return "idle";
        }, CancellationToken.None);
        var refusedEarly = _group.RunAsync((session, ct) => Task.FromResult("refused before any statement"), CancellationToken.None);
        var deferred = _group.RunAsync(async (session, ct) =>
        {
            // A write sent only with the commit: on MariaDB the savepoint rides on it.
            session.Defer("INSERT INTO item (name) VALUES (@Name)", new { Name = "deferred" });
            await session.CommitAsync(ct);
            return "deferred";
        }, CancellationToken.None);
        var deferredRefused = _group.RunAsync((session, ct) =>
        {
            session.Defer("INSERT INTO item (name) VALUES (@Name)", new { Name = "never sent" });
            return Task.FromResult("refused");
        }, CancellationToken.None);
        hold.SetResult();

        await first;
        Assert.That(await idle, Is.EqualTo("idle"));
        Assert.That(await refusedEarly, Is.EqualTo("refused before any statement"));
        Assert.That(await deferred, Is.EqualTo("deferred"));
        Assert.That(await deferredRefused, Is.EqualTo("refused"));
        Assert.That(await NamesAsync(), Is.EqualTo(new[] { "first", "deferred" }));
    }

    [Test]
    public async Task CancelledBeforeItsTurn_RunsNothing()
    {
        var (first, hold) = await HeldFirstGroupAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = _group.RunAsync((session, ct) => InsertAsync(session, "cancelled", commit: true, ct), cancel.Token);
        await cancel.CancelAsync();
        hold.SetResult();

        await first;
        Assert.CatchAsync<OperationCanceledException>(async () => await cancelled);
        Assert.That(await NamesAsync(), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public async Task OnMariaDb_AGroupIsOneReadCommittedTransaction_BegunByItsFirstWritersCommand()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("SQLite's group opens its transaction with the provider's BEGIN");
        }

        // Each writer reads the transaction InnoDB holds for its connection: the same one for the
        // whole group, at READ COMMITTED, though nobody sent a BEGIN of its own for it.
        var (first, hold) = await HeldFirstGroupAsync();
        var writers = Enumerable.Range(1, 3).Select(i => _group.RunAsync(async (session, ct) =>
        {
            await session.ExecuteAsync("INSERT INTO item (name) VALUES (@Name)", new { Name = $"w{i}" }, ct);
            var trx = await session.SingleAsync<(string Id, string Isolation)>(
                "SELECT trx_id, trx_isolation_level FROM information_schema.innodb_trx WHERE trx_mysql_thread_id = CONNECTION_ID()", null, ct);
            await session.CommitAsync(ct);
            return trx;
        }, CancellationToken.None)).ToList();
        hold.SetResult();

        await first;
        var seen = await Task.WhenAll(writers);
        Assert.That(seen.Select(t => t.Isolation), Is.All.EqualTo("READ COMMITTED"));
        Assert.That(seen.Select(t => t.Id).Distinct().Count(), Is.EqualTo(1), "one transaction for the group");
    }

    [Test]
    public async Task OnMariaDb_GroupsThatFollowEachOther_ShareAConnection_AndALostGroupGivesItUp()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("SQLite's group connection is kept in any case");
        }

        // A session setting survives from group to group only on a connection the pool did not
        // reset in between: its reset (a round trip) is what keeping the connection saves.
        Task<long> RunAsync(string sql) =>
            _group.RunAsync(async (session, ct) => await session.SingleAsync<long>(sql, null, ct), CancellationToken.None);

        var global = await RunAsync("SELECT @@global.lock_wait_timeout");
        await RunAsync("SET SESSION lock_wait_timeout = 77; SELECT CONNECTION_ID()");
        Assert.That(await RunAsync("SELECT @@session.lock_wait_timeout"), Is.EqualTo(77), "kept, not reset");

        var lost = _group.RunAsync(async (session, ct) =>
        {
            await session.ExecuteAsync("ROLLBACK", null, ct);
            return "lost";
        }, CancellationToken.None);
        Assert.CatchAsync(async () => await lost);
        Assert.That(await RunAsync("SELECT @@session.lock_wait_timeout"), Is.EqualTo(global),
            "whatever lost the group may have been its connection: the next one comes from the pool, reset");
    }

    // A group of one writer, running and held until the caller releases it.
    private async Task<(Task<string> First, TaskCompletionSource Hold)> HeldFirstGroupAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _group.RunAsync(async (session, ct) =>
        {
            started.SetResult();
            await hold.Task;
            return await InsertAsync(session, "first", commit: true, ct);
        }, CancellationToken.None);
        await started.Task;
        return (first, hold);
    }

    private static async Task<string> InsertAsync(CatalogSession session, string name, bool commit, CancellationToken ct)
    {
        await session.ExecuteAsync("INSERT INTO item (name) VALUES (@Name)", new { Name = name }, ct);
        if (commit)
        {
            await session.CommitAsync(ct);
        }

        return name;
    }

    private static async Task<string> ThrowAfterInsertAsync(CatalogSession session, CancellationToken ct)
    {
        await session.ExecuteAsync("INSERT INTO item (name) VALUES ('thrown')", null, ct);
        throw new InvalidOperationException("the work failed after a statement");
    }

    private async Task<List<string>> NamesAsync()
    {
        await using var session = await CatalogSession.BeginAsync(_database, CancellationToken.None, readOnly: true);
        return (await session.QueryAsync<string>("SELECT name FROM item ORDER BY id", null, CancellationToken.None)).ToList();
    }
}
