using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CloudFs.Common.Hosting.Logging;

/// <summary>
/// The console logger with its formatters (text or JSON, as configured) and its options, writing
/// through a <see cref="LineBatch"/> to standard output: lines logged within 50 ms leave in one
/// write, warnings and errors at once. Takes the console logger's place (and its "Console"
/// configuration section).
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    public BatchedConsoleLoggerProvider(IOptions<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
    {
        var name = options.Value.FormatterName ?? ConsoleFormatterNames.Simple;
        Formatter = formatters.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No console log formatter named '{name}'.");
        Batch = new LineBatch(Console.OpenStandardOutput(), FlushInterval);
    }

    internal ConsoleFormatter Formatter { get; }

    internal LineBatch Batch { get; }

    internal IExternalScopeProvider ScopeProvider { get; private set; } = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new BatchedConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => ScopeProvider = scopeProvider;

    // The host disposes its providers as it stops: the last lines are written then.
    public void Dispose() => Batch.Dispose();
}
