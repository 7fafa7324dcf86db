using CloudFs.AccountServer.Journal;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>
/// <c>GET /recon/journal</c>: how many commits this account server holds in its journal, not
/// yet replayed into the catalog (Swift's recon style: a small JSON a monitor, or a probe
/// waiting for a replay to finish, can poll).
/// </summary>
public static class JournalReconEndpoints
{
    public static IEndpointRouteBuilder MapJournalReconEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/recon/journal", (CommitJournal journal) => Results.Json(new { pending = journal.Count }));
        return app;
    }
}
