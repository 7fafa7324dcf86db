using Microsoft.Data.Sqlite;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// One open SQLite connection of <see cref="PreparedReads"/> with the statements it has
/// prepared, by SQL text. Used by one request at a time.
/// </summary>
public sealed class PreparedReadConnection(SqliteConnection connection) : IAsyncDisposable
{
    // A statement is kept only up to this many texts per connection: a name with many
    // directory levels makes a text of its own, and those stay rare.
    private const int MaxStatements = 16;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public int StatementCount => _commands.Count;

    /// <summary>The prepared command for this text, its parameters cleared; a new one is prepared once.</summary>
    public SqliteCommand Command(string sql, out bool cached)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            cached = true;
            return command;
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        cached = _commands.Count < MaxStatements;
        if (cached)
        {
            // Compiled once here; later executions only reset and rebind it.
            command.Prepare();
            _commands.Add(sql, command);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        await connection.DisposeAsync();
    }
}
