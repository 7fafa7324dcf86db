using CloudFs.AccountServer.Data;
using CloudFs.Common.Contracts;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// The garbage queue as the object servers' collectors drain it: blobs queued past the grace
/// period that no row names any more. Rows past the reclaim age (every collector has passed
/// them by then) are forgotten at the start of each collector's pass.
/// </summary>
public sealed class GarbageService(CatalogWork work, GarbageRepository garbage, IOptions<AccountServerOptions> options, TimeProvider time)
{
    /// <summary>One page of candidates after <paramref name="marker"/>; the first page of a pass ("" marker) purges old rows first.</summary>
    public async Task<GarbageCandidates> ClaimAsync(string marker, int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (marker.Length == 0)
        {
            await work.RunAsync(async (session, token) =>
            {
                var purged = await garbage.PurgeAsync(session, now - (options.Value.GarbageReclaimSeconds * 1000L), token);
                await session.CommitAsync(token);
                return purged;
            }, ct);
        }

        return await work.ReadAsync((session, token) =>
            garbage.CandidatesAsync(session, marker, now - (options.Value.GarbageGraceSeconds * 1000L), limit, token), ct);
    }
}
