using CloudFs.AccountServer.Journal;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Account-specific recon: the commit journal (entries waiting for the database, lines set aside as corrupt).</summary>
public static class JournalReconEndpoints
{
    public static IEndpointRouteBuilder MapJournalReconEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/recon/journal", (CommitJournal journal) => Results.Json(new
        {
            pending = journal.Count,
            journaled_since_start = journal.Appended,
            corrupt_lines = journal.CorruptLines,
            corrupt_file = journal.CorruptPath,
        }));
        return app;
    }
}
