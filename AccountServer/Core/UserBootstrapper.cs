using System.Security.Cryptography;
using CloudFs.AccountServer.Data;
using CloudFs.Common.Http;
using CloudFs.Common.Time;
using Microsoft.Extensions.Logging;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Makes sure the cluster admin and the configured users (and their accounts) exist, so a
/// fresh cluster can be used at once. Existing users are left as they are; servers starting
/// side by side may race here, and the loser simply finds the user made.
/// </summary>
public sealed partial class UserBootstrapper(CatalogWork work, UserRepository users, UserService userService,
    BootstrapOptions options, TimeProvider time, ILogger<UserBootstrapper> logger)
{
    public const string AdminAccount = "admin";
    public const string AdminUser = "admin";

    public async Task RunAsync(CancellationToken ct)
    {
        var password = options.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        }

        if (await EnsureAsync(new NewUser(AdminAccount, AdminUser, password!, UserType.Admin), ct) && generated)
        {
            // The only time this password is ever visible: it is stored hashed.
            Log.AdminPasswordGenerated(logger, $"{AdminAccount}:{AdminUser}", password!);
        }

        foreach (var user in options.Users)
        {
            var colon = user.User.IndexOf(':');
            if (colon <= 0 || colon == user.User.Length - 1)
            {
                throw new InvalidOperationException($"Bootstrap user '{user.User}' must look like account:user.");
            }

            var type = Enum.Parse<UserType>(user.Type, ignoreCase: true);
            await EnsureAsync(new NewUser(user.User[..colon], user.User[(colon + 1)..], user.Key, type, user.Email), ct);
        }
    }

    private Task<bool> EnsureAsync(NewUser user, CancellationToken ct) =>
        work.RunAsync(async (session, token) =>
        {
            if (await users.FindAsync(session, user.Account, user.Username, token) is not null)
            {
                return false;
            }

            var ctx = new WriteContext(Caller.System, TransactionId.New(time, "-bootstrap"), Timestamp.Now(time));
            var created = await userService.CreateInSessionAsync(session, ctx, user, token);
            if (!created.IsSuccess)
            {
                return false;
            }

            await session.CommitAsync(token);
            Log.UserCreated(logger, $"{user.Account}:{user.Username}", user.Type);
            return true;
        }, ct);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Created cluster admin {User} with generated password {Password} (shown once; stored hashed)")]
        public static partial void AdminPasswordGenerated(ILogger logger, string user, string password);

        [LoggerMessage(2, LogLevel.Information, "Created user {User} ({Type})")]
        public static partial void UserCreated(ILogger logger, string user, UserType type);
    }
}
