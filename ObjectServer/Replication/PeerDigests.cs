using System.Globalization;
using CloudFs.Ring;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// Every target device's partition digests, fetched once at the start of a pass (one request per
/// peer device and policy). A job whose partition digest matches the peer's skips it without a
/// request; a peer that holds nothing of the partition gets everything without a listing.
/// </summary>
public sealed class PeerDigests
{
    private readonly Dictionary<(int Policy, int Device), Dictionary<string, string>> _known;

    private PeerDigests(Dictionary<(int Policy, int Device), Dictionary<string, string>> known) => _known = known;

    /// <summary>Nothing known: every job asks its peers itself.</summary>
    public static PeerDigests None { get; } = new([]);

    public static async Task<PeerDigests> FetchAsync(ReplicaPeer peer, IEnumerable<PartitionJob> jobs, int concurrency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var targets = jobs.SelectMany(j => j.Targets.Select(t => (j.Policy, Node: t))).DistinctBy(t => (t.Policy, t.Node.Id)).ToList();
        var known = new Dictionary<(int, int), Dictionary<string, string>>();
        var gate = new Lock();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (target, token) =>
        {
            if (await peer.DigestsAsync(target.Node, target.Policy, token) is { } digests)
            {
                lock (gate)
                {
                    known[(target.Policy, target.Node.Id)] = digests;
                }
            }
        });
        return new PeerDigests(known);
    }

    /// <summary>
    /// True when the peer's digests are known; <paramref name="digest"/> is then its digest of the
    /// partition, or null when it holds nothing of it.
    /// </summary>
    public bool TryGet(int policy, RingDevice node, int partition, out string? digest)
    {
        ArgumentNullException.ThrowIfNull(node);
        digest = null;
        if (!_known.TryGetValue((policy, node.Id), out var digests))
        {
            return false;
        }

        digest = digests.GetValueOrDefault(partition.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
