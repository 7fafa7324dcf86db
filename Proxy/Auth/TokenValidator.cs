using System.Collections.Concurrent;
using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Proxy.Routing;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// Turns an <c>X-Auth-Token</c> into an <see cref="Identity"/> by asking an account server's
/// <c>GET /auth/validate</c>; answers are kept in memory for <c>TokenCacheSeconds</c> (never
/// past the token's own expiry), unknown tokens are not cached.
/// </summary>
public sealed class TokenValidator(RoleClient client, AuthNodes nodes, TimeProvider time, IOptions<ProxyOptions> options)
{
    private const int MaxCachedTokens = 100_000;
    private readonly ConcurrentDictionary<string, (Identity Identity, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The token's user; null when the token is unknown or expired; throws <see cref="BackendUnavailableException"/> when no account server answered.</summary>
    public async Task<Identity?> ValidateAsync(string token, CallContext call, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(token, out var hit) && hit.Until > now)
        {
            return hit.Identity;
        }

        var response = await client.SendAsync(nodes.Get(), node =>
        {
            var request = RoleClient.Request(HttpMethod.Get, node, "/auth/validate", call with { Caller = null });
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            return request;
        }, idempotent: true, ct);
        if (response is null || response.Status >= 500)
        {
            throw new BackendUnavailableException("No account server could check the token.");
        }

        if (response.Status != 200)
        {
            _cache.TryRemove(token, out _);
            return null;
        }

        var info = JsonSerializer.Deserialize(response.Body, ContractJson.Default.TokenInfo)
            ?? throw new BackendUnavailableException("The account server answered the token check without a body.");
        var identity = new Identity(info.UserId, info.User, info.Account, info.Type, info.ExpiresAt);
        var expires = DateTimeOffset.FromUnixTimeSeconds(identity.ExpiresAt);
        if (expires <= now)
        {
            return null;
        }

        if (_cache.Count >= MaxCachedTokens)
        {
            _cache.Clear();
        }

        var until = now + TimeSpan.FromSeconds(options.Value.TokenCacheSeconds);
        _cache[token] = (identity, until < expires ? until : expires);
        return identity;
    }
}
