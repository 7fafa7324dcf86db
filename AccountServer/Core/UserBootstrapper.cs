using System.Security.Cryptography;
using CloudFs.AccountServer.Data;
using CloudFs.Common.Http;
using CloudFs.Common.Time;
using CloudFs.Common.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Makes sure the cluster admin and the configured users (and their accounts) exist, so a
/// fresh cluster can be used at once. Existing users are left as they are; servers starting
/// side by side may race here, and the loser simply finds the user made.
/// </summary>
public sealed partial class UserBootstrapper(CatalogWork work, UserRepository users, UserService userService,
    BootstrapOptions options, IOptions<ServerOptions> server, TimeProvider time, ILogger<UserBootstrapper> logger)
{
    public const string AdminAccount = "admin";
    public const string AdminUser = "admin";

    /// <summary>Where a generated admin password is left, in Server:DataDir: never in a log.</summary>
    public const string AdminPasswordFile = "admin-password";

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
            // The only place this password is ever visible (the catalog stores it hashed): a file
            // only this user can read, since logs are shipped and kept where secrets must not be.
            var path = Path.Combine(server.Value.DataDir, AdminPasswordFile);
            Directory.CreateDirectory(server.Value.DataDir);
            var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Private from its creation on, not made private after being written.
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(path, file))
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(password + "\n"), ct);
            }

            Log.AdminPasswordGenerated(logger, $"{AdminAccount}:{AdminUser}", path);
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
        [LoggerMessage(1, LogLevel.Warning, "Created cluster admin {User} with a generated password, written to {File} (readable by this user only; note it and delete the file)")]
        public static partial void AdminPasswordGenerated(ILogger logger, string user, string file);

        [LoggerMessage(2, LogLevel.Information, "Created user {User} ({Type})")]
        public static partial void UserCreated(ILogger logger, string user, UserType type);
    }
}
