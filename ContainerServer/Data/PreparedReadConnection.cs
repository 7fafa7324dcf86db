using System.Data.Common;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// One open catalog connection of <see cref="PreparedReads"/> with the statements it has
/// prepared, by SQL text: on SQLite compiled statements, on MariaDB server-side prepared ones.
/// Used by one request at a time.
/// </summary>
public sealed class PreparedReadConnection(DbConnection connection) : IAsyncDisposable
{
    // A statement is kept only up to this many texts per connection: a name with many
    // directory levels makes a text of its own, and those stay rare.
    private const int MaxStatements = 16;

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public int StatementCount => _commands.Count;

    /// <summary>
    /// The prepared command for <paramref name="sql"/> with <paramref name="args"/> bound, and
    /// whether the connection keeps it (else the caller disposes it). A new text is translated for
    /// the database and prepared once, with its first arguments bound.
    /// </summary>
    public async Task<(DbCommand Command, bool Kept)> CommandAsync(string sql, Func<string, string> translate,
        IReadOnlyList<KeyValuePair<string, object?>> args, CancellationToken ct)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            Bind(command, args);
            return (command, true);
        }

        command = connection.CreateCommand();
        command.CommandText = translate(sql);
        Bind(command, args);
        if (_commands.Count >= MaxStatements)
        {
            return (command, false);
        }

        try
        {
            // Parsed once here (on SQLite planned too); later executions only bind new values.
            await command.PrepareAsync(ct);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }

        _commands.Add(sql, command);
        return (command, true);
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

    private static void Bind(DbCommand command, IReadOnlyList<KeyValuePair<string, object?>> args)
    {
        foreach (var (name, value) in args)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
