using System.Collections.Concurrent;
using CloudFs.Backend;
using CloudFs.Proxy.Backend;

namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>
/// Each account's <c>X-Account-Sysmeta-Global-Write-Ratelimit</c>, read from the catalog and
/// kept for <c>AccountInfoCacheSeconds</c> (Swift reads it through its account-info cache), so
/// the filter does not add an account lookup to every request.
/// </summary>
public sealed class GlobalRatelimitCache(CatalogClient catalog, RatelimitOptions options, TimeProvider time)
{
    private const int MaxAccounts = 100_000;
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The account's value (a rate, WHITELIST, BLACKLIST) or null; null too when no server answered, as Swift then applies none.</summary>
    public async Task<string?> GetAsync(string account, CallContext call, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(account, out var hit) && hit.Until > now)
        {
            return hit.Value;
        }

        string? value;
        try
        {
            value = (await catalog.AccountInfoAsync(account, call, ct)).GlobalWriteRatelimit;
        }
        catch (BackendUnavailableException)
        {
            return null;
        }

        if (options.AccountInfoCacheSeconds > 0)
        {
            if (_cache.Count >= MaxAccounts)
            {
                _cache.Clear();
            }

            _cache[account] = (value, now + TimeSpan.FromSeconds(options.AccountInfoCacheSeconds));
        }

        return value;
    }
}
