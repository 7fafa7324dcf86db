using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace CloudFs.Catalog;

/// <summary>
/// Writes a session queued because nobody reads their outcome (usage counters, metadata rows,
/// operation records, the garbage queue), sent as one multi-statement command. On MariaDB every
/// statement is a network round trip, and a commit's tail of six to ten such writes cost as
/// many round trips as its reads; sent together they cost one.
/// </summary>
internal sealed partial class DeferredWrites
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    // A statement's text with its parameters renamed for its place in the batch, kept: the same
    // few statements come in the same places on every commit, and the rename is a regex. Texts
    // built per request can be many, so the cache stops growing at a bound.
    private static readonly BoundedCache<(string Sql, int Index), string> Renamed = new(2048);

    private readonly List<(string Sql, object? Args)> _queued = [];

    public int Count => _queued.Count;

    /// <summary>Queues <paramref name="sql"/> (dialect tokens already translated); a list of argument objects runs it once per item, as Dapper does.</summary>
    public void Add(string sql, object? args)
    {
        if (args is IEnumerable items and not string and not IDictionary)
        {
            foreach (var item in items)
            {
                _queued.Add((sql, item));
            }

            return;
        }

        _queued.Add((sql, args));
    }

    public void Clear() => _queued.Clear();

    /// <summary>
    /// The queued statements as one command, each statement's parameters renamed apart (<c>@Id</c>
    /// of the third becomes <c>@w2_Id</c>), between <paramref name="before"/> and <paramref name="after"/>
    /// (statements without parameters: a session's BEGIN and COMMIT).
    /// </summary>
    public DbCommand ToCommand(DbConnection connection, DbTransaction? transaction, string? before = null, string? after = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = before + Render((name, value) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }) + after;
        return command;
    }

    /// <summary>The queued statements' text, each ending in ';', their parameters added to <paramref name="parameters"/> (renamed as <see cref="ToCommand"/> does).</summary>
    public string WriteTo(DynamicParameters parameters) => Render((name, value) => parameters.Add(name, value is DBNull ? null : value));

    private string Render(Action<string, object> addParameter)
    {
        var text = new StringBuilder();
        for (var i = 0; i < _queued.Count; i++)
        {
            var (sql, args) = _queued[i];
            var prefix = $"@w{i}_";
            text.Append(Renamed.GetOrAdd((sql, i), static key =>
                Parameter().Replace(key.Sql, m => $"@w{key.Index}_{m.Groups[1].Value}"))).Append(";\n");
            if (args is null)
            {
                continue;
            }

            foreach (var property in Properties.GetOrAdd(args.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
            {
                addParameter(prefix + property.Name, property.GetValue(args) switch
                {
                    null => DBNull.Value,
                    Enum value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
                    var value => value,
                });
            }
        }

        return text.ToString();
    }

    // The catalog's SQL names parameters @Name and has no '@' in its literals.
    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
