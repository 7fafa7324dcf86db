using System.Text;
using System.Text.Json;
using CloudFs.Common.Hosting;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// A durable, append-only log of commits taken while the database was unreachable. Each
/// entry is one JSON line, fsynced before the client is answered. Replayed entries are
/// dropped by rewriting the file through a temp file and a rename, so a crash at any moment
/// leaves either the old or the new journal, never a torn one.
/// </summary>
public sealed class CommitJournal
{
    private const string FileName = "pending.jsonl";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _path;
    private long _nextSequence;
    private int _count;

    public CommitJournal(IOptions<AccountServerOptions> options, IOptions<ServerOptions> server)
    {
        var dir = options.Value.JournalDir ?? Path.Combine(server.Value.DataDir, "journal");
        Directory.CreateDirectory(dir);
        _path = Path.Combine(dir, FileName);
        var existing = ReadAll();
        _count = existing.Count;
        _nextSequence = existing.Count == 0 ? 1 : existing[^1].Sequence + 1;
    }

    /// <summary>Entries not yet replayed; while any remain, new commits queue behind them to keep order.</summary>
    public int Count => Volatile.Read(ref _count);

    public async Task<JournalEntry> AppendAsync(Func<long, JournalEntry> create, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var entry = create(_nextSequence);
            var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry) + "\n");
            await using (var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                await stream.WriteAsync(line, ct);
                stream.Flush(flushToDisk: true);
            }

            _nextSequence++;
            _count++;
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
            var temp = _path + ".tmp";
            await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                foreach (var entry in keep)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry) + "\n"), ct);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
            _count = keep.Count;
        }
        finally
        {
            _lock.Release();
        }
    }

    private List<JournalEntry> ReadAll()
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        var entries = new List<JournalEntry>();
        foreach (var line in File.ReadLines(_path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize<JournalEntry>(line)!);
            }
            catch (JsonException)
            {
                // Only the last line can be torn (a crash mid-append, before the fsync and
                // so before anyone was answered): it was never acknowledged, drop it.
                break;
            }
        }

        return entries;
    }
}
