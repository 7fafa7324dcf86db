using System.Collections.Concurrent;
using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy.Routing;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware;

/// <summary>
/// Account and container metadata for the middlewares that act before any token is seen
/// (temp URL and form POST keys, static web settings), read from a container server with a
/// system caller and kept briefly, as Swift keeps account and container info in memcache.
/// Writes through this proxy to an account or container drop its entry at once.
/// </summary>
public sealed class ScopeInfoCache(RoleClient client, RingSet rings, NodeSelector selector, IOptions<MiddlewareOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, ScopeInfo? Info)> _entries = new(StringComparer.Ordinal);

    /// <summary>The account's metadata, or null when it does not exist or no server answered.</summary>
    public Task<ScopeInfo?> AccountAsync(string account, string transId, CancellationToken ct) => GetAsync(account, null, transId, ct);

    /// <summary>The container's metadata, or null when it does not exist or no server answered.</summary>
    public Task<ScopeInfo?> ContainerAsync(string account, string container, string transId, CancellationToken ct) =>
        GetAsync(account, container, transId, ct);

    /// <summary>
    /// The Temp-URL-Key and Temp-URL-Key-2 of the account, then of the container, each with
    /// whether it is the account's (which signs for any container) or the container's.
    /// </summary>
    public async Task<List<(string Key, bool AccountScope)>> TempUrlKeysAsync(string account, string container, string transId, CancellationToken ct)
    {
        var keys = new List<(string, bool)>();
        var accountInfo = await AccountAsync(account, transId, ct);
        var containerInfo = await ContainerAsync(account, container, transId, ct);
        foreach (var (info, accountScope) in new[] { (accountInfo, true), (containerInfo, false) })
        {
            foreach (var name in (string[])["Temp-URL-Key", "Temp-URL-Key-2"])
            {
                if (info?.Meta(name) is { } key)
                {
                    keys.Add((key, accountScope));
                }
            }
        }

        return keys;
    }

    /// <summary>Forgets what is cached for the account or container a write just changed.</summary>
    public void Forget(string account, string? container)
    {
        _entries.TryRemove(Key(account, container), out _);
    }

    private async Task<ScopeInfo?> GetAsync(string account, string? container, string transId, CancellationToken ct)
    {
        var key = Key(account, container);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Info;
        }

        var ring = rings.Container;
        var part = container is null ? ring.GetPartition(account) : ring.GetPartition(account, container);
        var call = new CallContext(transId, Timestamp.Now(time), null).AsSystem();
        var response = await client.SendAsync(selector.ForRead(ring, part), node =>
            RoleClient.Request(HttpMethod.Head, node, BackendUris.Catalog(node, part, account, container), call), idempotent: true, ct);
        if (response is null || response.Status >= 500)
        {
            // Not cached: the next request asks again.
            return null;
        }

        var info = response.IsSuccess ? new ScopeInfo(response.Headers) : null;
        _entries[key] = (now.AddSeconds(options.Value.InfoCacheSeconds), info);
        return info;
    }

    private static string Key(string account, string? container) => container is null ? account : account + "/" + container;
}
