using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// User lifecycle (admin only, plus self-registration when the <c>self_registration</c>
/// setting is on). Deleting an account's last user removes the account tree with it.
/// </summary>
public sealed class UserService(CatalogWork work, UserRepository users, TokenRepository tokens, AccountService accounts,
    NamespaceRepository names, SettingRepository settings, GarbageRepository garbage, RecordRepository records, Microsoft.Extensions.Options.IOptions<AccountServerOptions> options, TimeProvider time)
{
    public const string SelfRegistrationSetting = "self_registration";

    public Task<Outcome<UserRow>> CreateAsync(WriteContext ctx, NewUser user, CancellationToken ct) =>
        work.RunAsync<Outcome<UserRow>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var created = await CreateInSessionAsync(session, ctx, user, token);
            if (created.IsSuccess)
            {
                await session.CommitAsync(token);
            }

            return created;
        }, ct);

    /// <summary>Self-registration: a new account with its owner; 409 when the account exists.</summary>
    public Task<Outcome<UserRow>> RegisterAsync(WriteContext ctx, NewUser user, CancellationToken ct) =>
        work.RunAsync<Outcome<UserRow>>(async (session, token) =>
        {
            var setting = await settings.FindAsync(session, SelfRegistrationSetting, token);
            if (!string.Equals(setting, "true", StringComparison.OrdinalIgnoreCase))
            {
                return Access.Forbidden("Self-registration is switched off.");
            }

            if (await names.FindAccountAsync(session, "AUTH_" + user.Account, token) is not null)
            {
                return CloudFsError.Conflict($"Account {user.Account} already exists.");
            }

            var created = await CreateInSessionAsync(session, ctx, user with { Type = UserType.Owner }, token);
            if (created.IsSuccess)
            {
                await session.CommitAsync(token);
            }

            return created;
        }, ct);

    public Task<Outcome<UserRow>> UpdateAsync(WriteContext ctx, string account, string username, UserChange change, CancellationToken ct) =>
        work.RunAsync<Outcome<UserRow>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var row = await users.FindAsync(session, account, username, token);
            if (row is null)
            {
                return CloudFsError.NotFound();
            }

            var updated = row with
            {
                PasswordHash = change.Key is null ? row.PasswordHash : PasswordHasher.Hash(change.Key, options.Value.PasswordIterations),
                Email = change.Email ?? row.Email,
                Type = change.Type?.ToString().ToLowerInvariant() ?? row.Type,
                State = change.Enabled switch { true => "enabled", false => "disabled", null => row.State },
            };
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await users.UpdateAsync(session, updated, now, token);
            if (change.Key is not null || change.Enabled == false)
            {
                // A new password or a disabled user ends every session at once.
                await tokens.DeleteForUserAsync(session, row.Id, token);
            }

            await records.InsertAsync(session, AccountService.Record(ctx, "AUTH_" + account, "user.update", row.Name, null, 204, now), token);
            await session.CommitAsync(token);
            return updated;
        }, ct);

    public Task<Outcome<bool>> DeleteAsync(WriteContext ctx, string account, string username, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var row = await users.FindAsync(session, account, username, token);
            if (row is null)
            {
                return CloudFsError.NotFound();
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await users.DeleteAsync(session, row.Id, token);
            var accountName = "AUTH_" + account;
            if ((await users.ListAsync(session, account, token)).Count == 0
                && await names.FindAccountAsync(session, accountName, token) is { } accountRow)
            {
                await garbage.EnqueueAsync(session, await names.BlobsOfAccountAsync(session, accountRow.Id, token), now, token);
                await names.DeleteAsync(session, accountRow.Id, token);
                await records.InsertAsync(session, AccountService.Record(ctx, accountName, "account.delete", "", accountRow.Id, 204, now), token);
            }

            await records.InsertAsync(session, AccountService.Record(ctx, accountName, "user.delete", row.Name, null, 204, now), token);
            await session.CommitAsync(token);
            return true;
        }, ct);

    public Task<IReadOnlyList<UserRow>> ListAsync(string? account, CancellationToken ct) =>
        work.ReadAsync((session, token) => users.ListAsync(session, account, token), ct);

    /// <summary>Creates the user (and its account when missing) inside the caller's session.</summary>
    public async Task<Outcome<UserRow>> CreateInSessionAsync(CatalogSession session, WriteContext ctx, NewUser user, CancellationToken ct)
    {
        if (!NameIsValid(user.Account) || !NameIsValid(user.Username) || user.Key.Length == 0)
        {
            return CloudFsError.BadRequest("Users are named account:user (no ':' or '/' in either part) and need a key.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await accounts.EnsureAsync(session, "AUTH_" + user.Account, ctx, ct);
        var row = new UserRow
        {
            Account = user.Account,
            Username = user.Username,
            Email = user.Email,
            PasswordHash = PasswordHasher.Hash(user.Key, options.Value.PasswordIterations),
            Type = user.Type.ToString().ToLowerInvariant(),
        };
        var id = await users.TryInsertAsync(session, row, now, ct);
        if (id is null)
        {
            return CloudFsError.Conflict($"User {row.Name} (or email {user.Email}) already exists.");
        }

        await records.InsertAsync(session, AccountService.Record(ctx, "AUTH_" + user.Account, "user.create", row.Name, null, 201, now), ct);
        return row with { Id = id.Value };
    }

    private static bool NameIsValid(string name) =>
        name.Length is > 0 and <= 200 && !name.Contains(':') && !name.Contains('/') && !name.Any(char.IsControl);
}
