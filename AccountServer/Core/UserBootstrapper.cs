using System.Security.Cryptography;
using CloudFs.AccountServer.Data;
using Microsoft.Extensions.Logging;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Makes sure the cluster admin and the configured users (and their accounts) exist, so a
/// fresh cluster can be used at once. Existing users are left as they are.
/// </summary>
public sealed partial class UserBootstrapper(UserRepository users, NamespaceRepository names, BootstrapOptions options, ILogger<UserBootstrapper> logger)
{
    public const string AdminAccount = "admin";
    public const string AdminUser = "admin";

    public async Task RunAsync(CancellationToken ct)
    {
        if (await users.FindAsync(AdminAccount, AdminUser, ct) is null)
        {
            var password = options.AdminPassword;
            var generated = string.IsNullOrEmpty(password);
            if (generated)
            {
                password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            }

            var created = await CreateAsync(AdminAccount, AdminUser, password!, UserType.Admin, email: null, ct);
            if (created && generated)
            {
                // The only time this password is ever visible: it is stored hashed.
                Log.AdminPasswordGenerated(logger, $"{AdminAccount}:{AdminUser}", password!);
            }
        }

        foreach (var user in options.Users)
        {
            var (account, username) = SplitUser(user.User);
            if (await users.FindAsync(account, username, ct) is null)
            {
                var type = Enum.Parse<UserType>(user.Type, ignoreCase: true);
                await CreateAsync(account, username, user.Key, type, user.Email, ct);
            }
        }
    }

    private async Task<bool> CreateAsync(string account, string username, string password, UserType type, string? email, CancellationToken ct)
    {
        await names.EnsureAccountAsync("AUTH_" + account, ct);
        var id = await users.TryInsertAsync(account, username, email, PasswordHasher.Hash(password), type.ToString().ToLowerInvariant(), ct);
        if (id is not null)
        {
            Log.UserCreated(logger, $"{account}:{username}", type);
        }

        return id is not null;
    }

    private static (string Account, string User) SplitUser(string value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && colon < value.Length - 1
            ? (value[..colon], value[(colon + 1)..])
            : throw new InvalidOperationException($"Bootstrap user '{value}' must look like account:user.");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Created cluster admin {User} with generated password {Password} (shown once; stored hashed)")]
        public static partial void AdminPasswordGenerated(ILogger logger, string user, string password);

        [LoggerMessage(2, LogLevel.Information, "Created user {User} ({Type})")]
        public static partial void UserCreated(ILogger logger, string user, UserType type);
    }
}
