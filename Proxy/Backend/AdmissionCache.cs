using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Backend;

/// <summary>
/// Containers whose last admission held nothing (neither the account nor the container has a
/// quota): their storage policy, kept for <see cref="ProxyOptions.AdmissionCacheSeconds"/> so the
/// next uploads into them skip the admission round trip, as Swift's proxy decides a PUT from the
/// container info it caches. Nothing is lost by a stale entry: the commit checks the container,
/// the firewall and both quotas again, so a container deleted or a quota set meanwhile (through
/// another proxy) only costs a body sent and refused at the commit instead of before it. Writes
/// through this proxy to the account or container drop their entries at once.
/// </summary>
public sealed class AdmissionCache(IOptions<ProxyOptions> options, TimeProvider time)
{
    // Past this many containers the cache starts over rather than growing without bound.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Account, string Container), (DateTimeOffset Until, int Policy)> _entries = new();

    /// <summary>The container's policy when an admission without a reservation is still fresh for it.</summary>
    public int? Policy(string account, string container) =>
        _entries.TryGetValue((account, container), out var entry) && entry.Until > time.GetUtcNow() ? entry.Policy : null;

    /// <summary>Notes an admission's answer: only one that reserved nothing may stand in for the next.</summary>
    public void Admitted(string account, string container, string reservation, int policy)
    {
        var seconds = options.Value.AdmissionCacheSeconds;
        if (reservation.Length > 0 || seconds <= 0)
        {
            Forget(account, container);
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(account, container)] = (time.GetUtcNow().AddSeconds(seconds), policy);
    }

    /// <summary>Drops the container's entry, or with no container every entry of the account (its quota may have changed).</summary>
    public void Forget(string account, string? container)
    {
        if (container is not null)
        {
            _entries.TryRemove((account, container), out _);
            return;
        }

        foreach (var key in _entries.Keys)
        {
            if (string.Equals(key.Account, account, StringComparison.Ordinal))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
