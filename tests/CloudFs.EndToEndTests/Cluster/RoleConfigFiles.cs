using System.Text.Json;
using System.Text.Json.Nodes;
using CloudFs.Common.Policies;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// The JSON config files of a test cluster's role servers, written one way for every cluster
/// shape (one address, or several hosts): the shared cloudfs.json, each role's Server section,
/// its catalog, the bootstrap users, and any extra settings a test asks for.
/// </summary>
public static class RoleConfigFiles
{
    public const string HashPathPrefix = "e2e-prefix";

    public const string HashPathSuffix = "e2e-suffix";

    /// <summary>The key role servers check every request's signature with (Cluster:BackendSecret).</summary>
    public const string BackendSecret = "e2e-backend-secret";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>etc/cloudfs.json: the hash-path and backend secrets (the same in every test cluster) and the storage policies.</summary>
    public static void WriteClusterFile(string etcDir, IReadOnlyList<StoragePolicyConfig> policies)
    {
        var cluster = new JsonObject { ["HashPathPrefix"] = HashPathPrefix, ["HashPathSuffix"] = HashPathSuffix, ["BackendSecret"] = BackendSecret };
        if (policies.Count > 0)
        {
            cluster["StoragePolicies"] = new JsonArray(policies.Select(p => (JsonNode)new JsonObject
            {
                ["Name"] = p.Name,
                ["Index"] = p.Index,
                ["Default"] = p.Default,
                ["Deprecated"] = p.Deprecated,
                ["Aliases"] = new JsonArray(p.Aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            }).ToArray());
        }

        Directory.CreateDirectory(etcDir);
        File.WriteAllText(Path.Combine(etcDir, "cloudfs.json"), new JsonObject { ["Cluster"] = cluster }.ToJsonString());
    }

    /// <summary>
    /// A role's config with its Server section: state under {stateRoot}/var/{name}, the
    /// disable file {stateRoot}/disable-{name}, rings from <paramref name="ringDir"/>.
    /// </summary>
    public static JsonObject Server(string bind, int port, string stateRoot, string name, string ringDir) => new()
    {
        ["Server"] = new JsonObject
        {
            ["Bind"] = bind,
            ["Port"] = port,
            ["DataDir"] = Path.Combine(stateRoot, "var", name),
            ["RingDir"] = ringDir,
            ["DisablePath"] = Path.Combine(stateRoot, $"disable-{name}"),
        },
    };

    /// <summary>The Catalog section: MariaDB when a connection string is given, else a SQLite file.</summary>
    public static JsonObject Catalog(string? mySqlConnectionString, string sqlitePath) => mySqlConnectionString is null
        ? new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = $"Data Source={sqlitePath}" }
        : new JsonObject { ["Provider"] = "MySql", ["ConnectionString"] = mySqlConnectionString };

    /// <summary>The account server's Bootstrap section: the admin password and the users made at first start.</summary>
    public static JsonObject Bootstrap(string adminPassword, IEnumerable<(string User, string Key, string Type)> users) => new()
    {
        ["AdminPassword"] = adminPassword,
        ["Users"] = new JsonArray(users.Select(u => (JsonNode)new JsonObject { ["User"] = u.User, ["Key"] = u.Key, ["Type"] = u.Type }).ToArray()),
    };

    /// <summary>The object server's section: where its devices are.</summary>
    /// <remarks>
    /// The replicator is off unless a test turns it on (a setting, or
    /// CLOUDFS_ObjectServer__Replication__IntervalSeconds): tests that take a replica away on
    /// purpose must find it still missing.
    /// </remarks>
    public static JsonObject ObjectServer(string devicesRoot) => new()
    {
        ["DevicesRoot"] = devicesRoot,
        ["Replication"] = new JsonObject { ["IntervalSeconds"] = 0 },
    };

    /// <summary>
    /// Sets configuration keys in the ASP.NET Core form ("ObjectServer:Replication:IntervalSeconds"
    /// = "2") into <paramref name="config"/>, making the sections on the way; a key already there is replaced.
    /// </summary>
    public static JsonObject Apply(JsonObject config, IReadOnlyDictionary<string, string>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            var parts = key.Split(':');
            var section = config;
            foreach (var part in parts[..^1])
            {
                if (section[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    section[part] = child;
                }

                section = child;
            }

            // Configuration values are strings whatever their type; the binder parses them.
            section[parts[^1]] = value;
        }

        return config;
    }

    public static void Write(string path, JsonObject config)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, config.ToJsonString(Indented));
    }
}
