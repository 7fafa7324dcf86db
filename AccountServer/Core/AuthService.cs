using System.Security.Cryptography;
using System.Text;
using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// tempauth-compatible login (account:user or email + key → token) and token validation.
/// Tokens are random, handed out once, and stored only as SHA-256 hashes with their expiry.
/// </summary>
public sealed class AuthService(CatalogWork work, UserRepository users, TokenRepository tokens, IOptions<AccountServerOptions> options, TimeProvider time)
{
    /// <summary>tempauth's token prefix, kept so tools that look for it are not surprised.</summary>
    public const string TokenPrefix = "AUTH_tk";

    // Hashed for logins of users that do not exist, so they cost what a wrong key for a real user
    // costs and response time does not tell which users exist.
    private readonly Lazy<string> _decoyHash = new(() =>
        PasswordHasher.Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), options.Value.PasswordIterations));

    public async Task<Outcome<LoginResult>> LoginAsync(string identity, string key, CancellationToken ct)
    {
        var colon = identity.IndexOf(':');
        var user = await work.ReadAsync((session, token) => colon > 0
            ? users.FindAsync(session, identity[..colon], identity[(colon + 1)..], token)
            : users.FindByEmailAsync(session, identity, token), ct);

        // The slow hash runs outside any transaction so it holds no database lock, and it runs
        // for every login, a user's or the decoy's.
        var keyMatches = PasswordHasher.Verify(key, user?.PasswordHash ?? _decoyHash.Value);
        if (user is null || user.State != "enabled" || !keyMatches)
        {
            return new CloudFsError(CloudFsErrorKind.Unauthorized);
        }

        var now = time.GetUtcNow();
        var expires = now.AddSeconds(options.Value.TokenLifeSeconds);
        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await work.RunAsync(async (session, token) =>
        {
            await tokens.DeleteExpiredAsync(session, now.ToUnixTimeMilliseconds(), token);
            await tokens.InsertAsync(session, Hash(secret), user.Id, expires.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), token);
            await session.CommitAsync(token);
            return true;
        }, ct);
        return new LoginResult(secret, "AUTH_" + user.Account, expires);
    }

    public Task<TokenOwner?> ValidateAsync(string token, CancellationToken ct) =>
        work.ReadAsync((session, t) => tokens.FindAsync(session, Hash(token), time.GetUtcNow().ToUnixTimeMilliseconds(), t), ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
