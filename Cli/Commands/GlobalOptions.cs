using System.CommandLine;
using CloudFs.Cli.Client;

namespace CloudFs.Cli.Commands;

/// <summary>Options every command takes: where the cluster is, who logs in, and the output form.</summary>
public static class GlobalOptions
{
    public static readonly Option<string> AuthUrl = new("--auth-url", "-A")
    {
        Description = "Auth URL of the cluster's proxy (env CLOUDFS_AUTH_URL or ST_AUTH)",
        DefaultValueFactory = _ => ClusterCredentials.EnvAuthUrl,
        Recursive = true,
    };

    public static readonly Option<string?> User = new("--user", "-U")
    {
        Description = "account:user to log in as, normally the cluster admin (env CLOUDFS_USER or ST_USER)",
        DefaultValueFactory = _ => ClusterCredentials.EnvUser,
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key", "-K")
    {
        Description = "Key (password) of that user (env CLOUDFS_KEY or ST_KEY)",
        DefaultValueFactory = _ => ClusterCredentials.EnvKey,
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of a table",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(AuthUrl);
        root.Options.Add(User);
        root.Options.Add(Key);
        root.Options.Add(Json);
    }

    /// <summary>Logs in with the parsed credentials.</summary>
    public static Task<CloudFsClient> LoginAsync(ParseResult result, CancellationToken ct)
    {
        var user = result.GetValue(User) ?? throw new CliException("no user: pass --user account:user or set CLOUDFS_USER");
        var key = result.GetValue(Key) ?? throw new CliException("no key: pass --key or set CLOUDFS_KEY");
        return CloudFsClient.LoginAsync(new ClusterCredentials(new Uri(result.GetValue(AuthUrl)!), user, key), ct);
    }
}
