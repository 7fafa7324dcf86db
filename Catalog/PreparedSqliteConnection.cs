using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CloudFs.Catalog;

/// <summary>
/// A SQLite connection kept open that compiles each distinct statement text once. SQLite compiles
/// every command it is given (parse, plan, code), and Microsoft.Data.Sqlite keeps the compiled
/// statements only as long as the command object lives, which Dapper disposes after each call: a
/// small PUT's commit compiled all its statements every time (keeping them took a quarter off the
/// account server's CPU per PUT). The commands this connection creates look up a command kept per text, bind their
/// parameters to it and run it, so only the first use of a text compiles.
/// Not thread-safe, like the connection it wraps; one user at a time (the writer's gate).
/// </summary>
public sealed class PreparedSqliteConnection(SqliteConnection inner) : DbConnection
{
    // Texts are the catalog's own SQL, a bounded set; a text past the limit runs unkept, so SQL
    // built from input (list lengths, batch compositions) cannot grow the cache without end.
    private const int MaxStatements = 256;

    private readonly Dictionary<string, KeptCommand> _kept = new(StringComparer.Ordinal);

    public SqliteConnection Inner => inner;

    /// <summary>Statement texts compiled and kept (tests read it).</summary>
    public int KeptCount => _kept.Count;

    /// <summary>
    /// The kept command for <paramref name="text"/>, or false when it is busy (its reader still
    /// open: the same text run again while its last results are read) or the cache is full;
    /// the caller then runs a command of its own.
    /// </summary>
    internal bool TryTake(string text, [NotNullWhen(true)] out SqliteCommand? command)
    {
        command = null;
        if (!_kept.TryGetValue(text, out var kept))
        {
            if (_kept.Count >= MaxStatements)
            {
                return false;
            }

            kept = new KeptCommand { Connection = inner, CommandText = text };
            _kept.Add(text, kept);
        }

        if (kept.Reading)
        {
            return false;
        }

        command = kept;
        return true;
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => throw new NotSupportedException("A kept connection keeps its connection string.");
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Open() => inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public override void Close() => inner.Close();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new PreparedSqliteCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _kept.Values)
            {
                command.Dispose();
            }

            _kept.Clear();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class KeptCommand : SqliteCommand
    {
        /// <summary>A reader of its last run is still open (SQLite's statements are mid-step).</summary>
        public bool Reading => DataReader is not null;
    }
}
