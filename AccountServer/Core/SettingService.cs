using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Site settings (the catalog's <c>webconf</c>): read by anyone who needs them (the sign-in
/// page asks whether self-registration is on), changed by admins only. Only known names with
/// valid values are stored, so a typo cannot switch anything on.
/// </summary>
public sealed class SettingService(CatalogWork work, SettingRepository settings, RecordRepository records, TimeProvider time)
{
    /// <summary>The known settings, each with its allowed values (the first is the default).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Known = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [UserService.SelfRegistrationSetting] = ["false", "true"],
    };

    /// <summary>Every known setting with its value, the default where none is stored.</summary>
    public Task<IReadOnlyDictionary<string, string>> ListAsync(CancellationToken ct) =>
        work.ReadAsync<IReadOnlyDictionary<string, string>>(async (session, token) =>
        {
            var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, allowed) in Known)
            {
                values[name] = await settings.FindAsync(session, name, token) ?? allowed[0];
            }

            return values;
        }, ct);

    public Task<bool> IsOnAsync(string name, CancellationToken ct) =>
        work.ReadAsync(async (session, token) =>
            string.Equals(await settings.FindAsync(session, name, token), "true", StringComparison.OrdinalIgnoreCase), ct);

    public Task<Outcome<bool>> SetAsync(WriteContext ctx, string name, string? value, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            if (!Known.TryGetValue(name, out var allowed))
            {
                return CloudFsError.NotFound($"No setting {name}; known: {string.Join(", ", Known.Keys)}.");
            }

            if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
            {
                return CloudFsError.BadRequest($"{name} takes {string.Join(" or ", allowed)}.");
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await settings.SetAsync(session, name, value, now, token);
            // Kept in the history of the admin's own account: a setting belongs to no account.
            var account = "AUTH_" + (ctx.Caller.User ?? "").Split(':')[0];
            await records.InsertAsync(session, AccountService.Record(ctx, account, "setting.set", $"/{name}={value}", null, 204, now), token);
            await session.CommitAsync(token);
            return true;
        }, ct);
}
