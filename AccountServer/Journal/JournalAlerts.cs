using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// Raises <c>journal_growing</c> when the commit journal holds entries and has not shrunk for
/// <c>AccountServer:JournalAlertSeconds</c>: replay is not getting through (the database is
/// down or refuses the writes), and acknowledged commits are piling up on one disk.
/// </summary>
public sealed class JournalAlerts(CommitJournal journal, IOptions<AccountServerOptions> options, TimeProvider time) : IAlertSource
{
    private readonly Lock _gate = new();
    private int _last;
    private DateTimeOffset _notShrunkSince = time.GetUtcNow();

    public IEnumerable<HostAlert> Current()
    {
        var count = journal.Count;
        var now = time.GetUtcNow();
        TimeSpan stuck;
        lock (_gate)
        {
            if (count == 0 || count < _last)
            {
                _notShrunkSince = now;
            }

            _last = count;
            stuck = now - _notShrunkSince;
        }

        return count > 0 && stuck.TotalSeconds >= options.Value.JournalAlertSeconds
            ? [new HostAlert(HostAlertKinds.JournalGrowing, journal.FilePath,
                $"the commit journal holds {count} commits and has not shrunk for {(int)stuck.TotalSeconds} s; is the catalog database reachable?")]
            : [];
    }
}
