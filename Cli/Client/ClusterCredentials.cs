namespace CloudFs.Cli.Client;

/// <summary>Where the cluster is and whose credentials to use (swift CLI's ST_* variables work too).</summary>
public sealed record ClusterCredentials(Uri AuthUrl, string User, string Key)
{
    public const string DefaultAuthUrl = "http://127.0.0.1:7010/auth/v1.0";

    public static string EnvAuthUrl => Environment.GetEnvironmentVariable("CLOUDFS_AUTH_URL") ?? Environment.GetEnvironmentVariable("ST_AUTH") ?? DefaultAuthUrl;

    public static string? EnvUser => Environment.GetEnvironmentVariable("CLOUDFS_USER") ?? Environment.GetEnvironmentVariable("ST_USER");

    public static string? EnvKey => Environment.GetEnvironmentVariable("CLOUDFS_KEY") ?? Environment.GetEnvironmentVariable("ST_KEY");
}
