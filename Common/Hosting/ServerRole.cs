namespace CloudFs.Common.Hosting;

/// <summary>The four CloudFs processes.</summary>
public enum ServerRole
{
    Proxy,
    Account,
    Container,
    Object,
}

public static class ServerRoleExtensions
{
    public static int DefaultPort(this ServerRole role) => role switch
    {
        ServerRole.Proxy => 7010,
        ServerRole.Account => 7011,
        ServerRole.Container => 7012,
        ServerRole.Object => 7013,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Lower-case name used in config file names, rings and logs.</summary>
    public static string Name(this ServerRole role) => role switch
    {
        ServerRole.Proxy => "proxy",
        ServerRole.Account => "account",
        ServerRole.Container => "container",
        ServerRole.Object => "object",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
