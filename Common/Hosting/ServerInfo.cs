using System.Reflection;

namespace CloudFs.Common.Hosting;

/// <summary>What a running server says about itself in /recon.</summary>
public sealed class ServerInfo(ServerRole role, NodeIdentity node, string? configPath, TimeProvider time)
{
    public ServerRole Role { get; } = role;

    public NodeIdentity Node { get; } = node;

    public string? ConfigPath { get; } = configPath;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public static string Version { get; } =
        typeof(ServerInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
