using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace CloudFs.Common.Hosting;

/// <summary>
/// The effective CloudFs settings (after files, environment and command line) as JSON for
/// /recon, with secrets masked: operators need to see what is in force, not the passwords.
/// </summary>
public static partial class ConfigurationDump
{
    private static readonly string[] Sections =
        [ServerOptions.Section, ClusterOptions.Section, "Catalog", "Proxy", "AccountServer", "ContainerServer", "ObjectServer", "Bootstrap"];

    public static JsonObject ToJson(IConfiguration config)
    {
        var root = new JsonObject();
        foreach (var name in Sections)
        {
            var section = config.GetSection(name);
            if (section.Exists())
            {
                root[name] = Node(section);
            }
        }

        return root;
    }

    private static JsonNode? Node(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return IsSecret(section.Key) ? "***" : Mask(section.Value);
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = Node(child);
        }

        return obj;
    }

    // A connection string names the database host and user besides its password: all masked.
    private static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Equals("Key", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("HashPath", StringComparison.OrdinalIgnoreCase);

    // Connection strings carry passwords inline.
    private static string? Mask(string? value) =>
        value is null ? null : PasswordInConnectionString().Replace(value, "$1=***");

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*[^;]*")]
    private static partial Regex PasswordInConnectionString();
}
