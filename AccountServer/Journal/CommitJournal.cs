using System.Globalization;
using System.Text;
using CloudFs.Common.Hosting;
using CloudFs.Common.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// A durable, append-only log of commits taken while the database was unreachable. Each
/// entry is one JSON line, fsynced before the client is answered. Replayed entries are
/// dropped by rewriting the file through a temp file and a rename (then an fsync of the
/// directory, so the rename itself survives a crash): a crash at any moment leaves either the
/// old or the new journal, never a torn one. A line that does not parse (torn by a crash
/// mid-append, or damaged on disk) is moved to <c>pending.jsonl.corrupt</c> with the time and
/// counted; the intact entries after it are kept and replayed in order.
/// </summary>
public sealed partial class CommitJournal
{
    private const string FileName = "pending.jsonl";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _path;
    private readonly ILogger<CommitJournal> _logger;
    private readonly TimeProvider _time;
    private long _nextSequence;
    private int _count;
    private long _appended;
    private long _corrupt;

    public CommitJournal(IOptions<AccountServerOptions> options, IOptions<ServerOptions> server, ILogger<CommitJournal> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        var dir = options.Value.JournalDir ?? Path.Combine(server.Value.DataDir, "journal");
        Directory.CreateDirectory(dir);
        _path = Path.Combine(dir, FileName);
        // Read (and so set any bad line aside) before the first append: an append after a torn
        // line would otherwise be glued to it.
        var existing = ReadAll();
        _count = existing.Count;
        _nextSequence = existing.Count == 0 ? 1 : existing.Max(e => e.Sequence) + 1;
    }

    /// <summary>Entries not yet replayed; while any remain, new commits queue behind them to keep order.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Entries appended since this server started (shown in /recon/journal): how often the database was out of reach.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>Lines moved aside as corrupt since this server started (shown in /recon/journal).</summary>
    public long CorruptLines => Interlocked.Read(ref _corrupt);

    public string FilePath => _path;

    public string CorruptPath => _path + ".corrupt";

    public async Task<JournalEntry> AppendAsync(Func<long, JournalEntry> create, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var entry = create(_nextSequence);
            await using (var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                await stream.WriteAsync(JournalLines.Encode(entry), ct);
                stream.Flush(flushToDisk: true);
            }

            _nextSequence++;
            _count++;
            _appended++;
            return entry;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The pending entries in the order they were taken.</summary>
    public async Task<IReadOnlyList<JournalEntry>> PendingAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return ReadAll();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Drops every entry up to and including <paramref name="sequence"/>.</summary>
    public async Task RemoveThroughAsync(long sequence, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var keep = ReadAll().Where(e => e.Sequence > sequence).ToList();
            Rewrite(keep);
            _count = keep.Count;
        }
        finally
        {
            _lock.Release();
        }
    }

    // Called under the lock (or from the constructor): bad lines leave the journal here.
    private List<JournalEntry> ReadAll()
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        var parsed = JournalLines.Parse(File.ReadLines(_path));
        var entries = parsed.Entries.ToList();
        if (parsed.Corrupt.Count > 0)
        {
            SetAside(parsed.Corrupt);
            Rewrite(entries);
            Interlocked.Add(ref _corrupt, parsed.Corrupt.Count);
            Log.CorruptLines(_logger, parsed.Corrupt.Count, _path, CorruptPath, entries.Count);
        }

        return entries;
    }

    // Appended with the time they were found, fsynced before the journal drops them.
    private void SetAside(IReadOnlyList<string> lines)
    {
        var stamp = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(stamp).Append('\t').Append(line).Append('\n');
        }

        using var stream = new FileStream(CorruptPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
    }

    private void Rewrite(IReadOnlyList<JournalEntry> entries)
    {
        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            foreach (var entry in entries)
            {
                stream.Write(JournalLines.Encode(entry));
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(_path)!);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Commit journal: {Count} corrupt line(s) in {Path} moved to {CorruptPath}; {Kept} intact entries kept for replay")]
        public static partial void CorruptLines(ILogger logger, int count, string path, string corruptPath, int kept);
    }
}
