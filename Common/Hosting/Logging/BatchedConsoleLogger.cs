using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudFs.Common.Hosting.Logging;

/// <summary>Formats each entry on the logging thread, with the configured console formatter, and hands it to the batch.</summary>
internal sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
{
    [ThreadStatic]
    private static StringWriter? t_writer;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.ScopeProvider.Push(state);

    // The logger factory's filter rules have already decided by level and category.
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var writer = t_writer ??= new StringWriter();
        provider.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.ScopeProvider, writer);
        var text = writer.GetStringBuilder();
        if (text.Length == 0)
        {
            return;
        }

        provider.Batch.Append(text, urgent: logLevel >= LogLevel.Warning);
        Reset(text);
    }

    // A long exception's text should not stay allocated on every thread that once logged one.
    private static void Reset(StringBuilder text)
    {
        text.Clear();
        if (text.Capacity > 4096)
        {
            text.Capacity = 1024;
        }
    }
}
