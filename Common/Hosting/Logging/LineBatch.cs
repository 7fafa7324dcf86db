using System.Globalization;
using System.Text;

namespace CloudFs.Common.Hosting.Logging;

/// <summary>
/// Log lines gathered and written to a stream together by a thread of its own: every line
/// logged within one interval leaves in one write. The console logger's queue woke its writer
/// thread for each line (about four futex calls and a context switch per request in every
/// role) and wrote it in 256-byte pieces. An urgent line (a warning or an error) is written at
/// once, with everything logged before it. If the stream stops taking lines (a stalled pipe),
/// lines past <c>maxPendingChars</c> are dropped and counted rather than held without bound
/// or blocking the requests that log them; the count is written when the stream takes lines again.
/// </summary>
public sealed class LineBatch : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private readonly Stream _output;
    private readonly TimeSpan _interval;
    private readonly int _maxPendingChars;
    private readonly Lock _lock = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _writer;
    private StringBuilder _pending = new();
    private StringBuilder _writing = new();
    private long _dropped;
    private volatile bool _stopping;

    public LineBatch(Stream output, TimeSpan interval, int maxPendingChars = 4 << 20)
    {
        _output = output;
        _interval = interval;
        _maxPendingChars = maxPendingChars;
        _writer = new Thread(WriteUntilStopped) { IsBackground = true, Name = "Log line writer" };
        _writer.Start();
    }

    /// <summary>Lines dropped because the stream did not keep up (since the last notice written).</summary>
    public long Dropped
    {
        get
        {
            lock (_lock)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Queues <paramref name="lines"/> (whole lines, newline included) as they are.</summary>
    public void Append(StringBuilder lines, bool urgent)
    {
        bool wake;
        lock (_lock)
        {
            if (_pending.Length + lines.Length > _maxPendingChars)
            {
                _dropped++;
                return;
            }

            _pending.Append(lines);
            // A burst fills whole writes instead of waiting out the interval.
            wake = urgent || _pending.Length >= 64 * 1024;
        }

        if (wake)
        {
            _wake.Set();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _writer.Join();
        _wake.Dispose();
    }

    private void WriteUntilStopped()
    {
        while (!_stopping)
        {
            _wake.WaitOne(_interval);
            WritePending();
        }

        WritePending();
    }

    // Only the writer thread gets here (Dispose joins it first), so _writing is its own.
    private void WritePending()
    {
        long dropped;
        lock (_lock)
        {
            dropped = _dropped;
            _dropped = 0;
            (_pending, _writing) = (_writing, _pending);
        }

        if (dropped > 0)
        {
            _writing.Append(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fff} warn: {dropped} log lines dropped: the log output did not keep up{Environment.NewLine}");
        }

        if (_writing.Length == 0)
        {
            return;
        }

        try
        {
            _output.Write(Utf8.GetBytes(_writing.ToString()));
            _output.Flush();
        }
        catch (IOException)
        {
            // stdout is gone (the reader closed the pipe): nothing left to tell it.
        }
        finally
        {
            _writing.Clear();
        }
    }
}
