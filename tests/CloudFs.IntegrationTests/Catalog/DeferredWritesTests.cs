using System.Data.Common;
using System.Diagnostics;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// CatalogSession.Defer on both databases: queued writes reach the database in order before the
/// session's next statement or its commit, each with its own parameter values, and share the
/// session's fate (kept by its commit, gone with its rollback, failing it when they fail).
/// </summary>
public sealed class DeferredWritesTests(CatalogProvider provider) : CatalogFixtureBase(provider)
{
    private const string Insert = "INSERT INTO item (name, note) VALUES (@Name, @Note)";

    private CatalogDatabase _database = null!;

    [SetUp]
    public async Task CreateTableAsync()
    {
        _database = new CatalogDatabase(Options);
        await using var session = await CatalogSession.BeginAsync(_database, CancellationToken.None);
        await session.ExecuteAsync("CREATE TABLE item (id {ID}, name {STR:100} NOT NULL UNIQUE, note {STR:100} NULL, n {BIGINT} NOT NULL DEFAULT 0) {TABLE}",
            null, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task DisposeDatabaseAsync() => await _database.DisposeAsync();

    [Test]
    public async Task DeferredWrites_AreSeenByTheSessionsNextRead_InOrder_AndKeptByItsCommit()
    {
        await using (var session = await CatalogSession.BeginAsync(_database, CancellationToken.None))
        {
            session.Defer(Insert, new { Name = "a", Note = (string?)"first" });
            // A list runs the statement once per item; the same parameter names carry each item's values.
            session.Defer(Insert, new[] { new { Name = "b", Note = (string?)null }, new { Name = "c", Note = (string?)"third" } });
            session.Defer("UPDATE item SET n = n + @By WHERE name = @Name", new { Name = "a", By = 5L });
            session.Defer("UPDATE item SET n = n + @By WHERE name = @Name", new { Name = "a", By = 2L });

            Assert.That(await RowsAsync(session), Is.EqualTo(new[] { "a:first:7", "b::0", "c:third:0" }));
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(await RowsAsync(), Is.EqualTo(new[] { "a:first:7", "b::0", "c:third:0" }));
    }

    [Test]
    public async Task DeferredWrites_OfASessionThatDoesNotCommit_AreNotKept()
    {
        await using (var session = await CatalogSession.BeginAsync(_database, CancellationToken.None))
        {
            await session.ExecuteAsync(Insert, new { Name = "sent", Note = (string?)null }, CancellationToken.None);
            session.Defer(Insert, new { Name = "queued", Note = (string?)null });
        }

        Assert.That(await RowsAsync(), Is.Empty);
    }

    [Test]
    public async Task FailingDeferredWrite_FailsTheCommit_AndKeepsNothingOfTheSession()
    {
        await using (var session = await CatalogSession.BeginAsync(_database, CancellationToken.None))
        {
            await session.ExecuteAsync(Insert, new { Name = "taken", Note = (string?)null }, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await using (var session = await CatalogSession.BeginAsync(_database, CancellationToken.None))
        {
            await session.ExecuteAsync(Insert, new { Name = "sent", Note = (string?)null }, CancellationToken.None);
            session.Defer(Insert, new { Name = "queued", Note = (string?)null });
            session.Defer(Insert, new { Name = "taken", Note = (string?)"again" });

            Assert.CatchAsync<DbException>(() => session.CommitAsync(CancellationToken.None));
        }

        Assert.That(await RowsAsync(), Is.EqualTo(new[] { "taken::0" }));
    }

    [Test]
    public async Task OnMariaDb_DeferredWrites_GoInTheCommandOfTheReadAfterThem_NotInOneOfTheirOwn()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("SQLite has no round trip to save: its deferred writes run just before the read");
        }

        // MySqlConnector starts an activity for every command it sends.
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MySqlConnector",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string text && text.Contains(" item", StringComparison.Ordinal))
                {
                    sent.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using (var session = await CatalogSession.BeginAsync(_database, CancellationToken.None))
        {
            session.Defer(Insert, new { Name = "a", Note = (string?)"first" });
            session.Defer("UPDATE item SET n = n + @By WHERE name = @Name", new { Name = "a", By = 5L });
            Assert.That(await RowsAsync(session), Is.EqualTo(new[] { "a:first:5" }));
            session.Defer(Insert, new { Name = "b", Note = (string?)null });
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(sent, Has.Count.EqualTo(2), string.Join("\n---\n", sent));
        Assert.That(sent.First(), Does.Contain("INSERT INTO item").And.Contain("UPDATE item").And.Contain("SELECT name, note, n FROM item"));
        Assert.That(sent.Last(), Does.Contain("INSERT INTO item").And.Contain("COMMIT"));
        Assert.That(await RowsAsync(), Is.EqualTo(new[] { "a:first:5", "b::0" }));
    }

    private async Task<string[]> RowsAsync()
    {
        await using var session = await CatalogSession.BeginAsync(_database, CancellationToken.None, readOnly: true);
        return await RowsAsync(session);
    }

    private static async Task<string[]> RowsAsync(CatalogSession session) =>
        (await session.QueryAsync<(string Name, string? Note, long N)>("SELECT name, note, n FROM item ORDER BY name", null, CancellationToken.None))
            .Select(r => $"{r.Name}:{r.Note}:{r.N}").ToArray();
}
