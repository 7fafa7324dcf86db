using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CloudFs.Catalog;

/// <summary>
/// A command of a <see cref="PreparedSqliteConnection"/>: it collects its text and parameters as
/// any command does (Dapper fills it), and runs as the connection's kept command for that text,
/// already compiled, with these parameters bound.
/// </summary>
internal sealed class PreparedSqliteCommand(PreparedSqliteConnection connection) : DbCommand
{
    // Holds the parameters until they are bound; never connected, never run.
    private readonly SqliteCommand _parameters = new();

    // When the text has no kept command free: a command of this one's own, disposed with it.
    private SqliteCommand? _own;
    private SqliteCommand? _running;

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("SQLite runs text commands only.");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A kept connection's command stays on it.");
    }

    protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() => _running?.Cancel();

    public override void Prepare()
    {
        // Kept commands are compiled on their first run and stay so.
    }

    public override int ExecuteNonQuery() => Bind().ExecuteNonQuery();

    public override object? ExecuteScalar() => Bind().ExecuteScalar();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Bind().ExecuteReader(behavior);

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _own?.Dispose();
            _parameters.Dispose();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Bind()
    {
        if (!connection.TryTake(CommandText, out var command))
        {
            command = _own ??= connection.Inner.CreateCommand();
            command.CommandText = CommandText;
        }

        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        // The last run's parameters stay bound to a kept command until its next run: a reader
        // binds each statement's values as it reaches it.
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in _parameters.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        _running = command;
        return command;
    }
}
