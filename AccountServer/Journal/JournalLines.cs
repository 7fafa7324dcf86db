using System.Text;
using System.Text.Json;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// The journal's line format: one JSON entry per line. Parsing never stops at a bad line: a
/// torn or corrupt line is set aside and every intact entry after it is kept, because each of
/// those was fsynced and acknowledged.
/// </summary>
public static class JournalLines
{
    // Every entry starts with its sequence number, so an entry glued to the torn remains of a
    // crashed append can still be found inside the line.
    private const string EntryStart = "{\"seq\":";

    public static string Format(JournalEntry entry) => JsonSerializer.Serialize(entry) + "\n";

    public static byte[] Encode(JournalEntry entry) => Encoding.UTF8.GetBytes(Format(entry));

    public static JournalParse Parse(IEnumerable<string> lines)
    {
        var entries = new List<JournalEntry>();
        var corrupt = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParse(line) is { } entry)
            {
                entries.Add(entry);
                continue;
            }

            var start = line.LastIndexOf(EntryStart, StringComparison.Ordinal);
            if (start > 0 && TryParse(line[start..]) is { } glued)
            {
                corrupt.Add(line[..start]);
                entries.Add(glued);
            }
            else
            {
                corrupt.Add(line);
            }
        }

        return new JournalParse(entries, corrupt);
    }

    private static JournalEntry? TryParse(string line)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<JournalEntry>(line);
            // A line that is JSON but not an entry (no account, neither a commit nor an abandon) is corrupt too.
            return entry is { Account: not null, TransId: not null } && (entry.Commit is null) != (entry.Abandon is null) ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
