using System.Globalization;

namespace CloudFs.Common.Policies;

/// <summary>
/// The cluster's storage policies, validated with Swift's rules (swift/common/storage_policy.py):
/// unique indexes and names (case-insensitive, aliases included), names of letters, digits and
/// '-', "Policy-0" only for index 0, an index 0 whenever any policy is defined, exactly one
/// default (a lone policy becomes it), the default never deprecated, at least one policy in use.
/// No configuration at all means Swift's legacy single policy "Policy-0".
/// </summary>
public sealed class StoragePolicyTable
{
    public const string LegacyName = "Policy-0";

    private readonly Dictionary<string, StoragePolicy> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, StoragePolicy> _byIndex = [];

    private StoragePolicyTable(List<StoragePolicy> policies)
    {
        Policies = policies;
        foreach (var policy in policies)
        {
            _byIndex[policy.Index] = policy;
            foreach (var name in policy.Names)
            {
                _byName[name] = policy;
            }
        }

        Default = policies.Single(p => p.IsDefault);
    }

    /// <summary>Swift's behaviour when swift.conf defines no policy.</summary>
    public static StoragePolicyTable Legacy { get; } = new([new StoragePolicy(0, [LegacyName], IsDefault: true, IsDeprecated: false)]);

    /// <summary>In configuration order, as Swift lists them in /info.</summary>
    public IReadOnlyList<StoragePolicy> Policies { get; }

    public StoragePolicy Default { get; }

    /// <summary>By name or alias, ignoring case; null when no policy has that name.</summary>
    public StoragePolicy? ByName(string name) => _byName.GetValueOrDefault(name);

    public StoragePolicy? ByIndex(int index) => _byIndex.GetValueOrDefault(index);

    /// <summary>Builds and checks the table; throws <see cref="StoragePolicyException"/> with Swift's reason.</summary>
    public static StoragePolicyTable Create(IReadOnlyList<StoragePolicyConfig>? configured)
    {
        if (configured is null || configured.Count == 0)
        {
            return Legacy;
        }

        var policies = new List<StoragePolicy>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var indexes = new HashSet<int>();
        StoragePolicy? defaultPolicy = null;
        foreach (var config in configured)
        {
            var policy = Parse(config);
            if (!indexes.Add(policy.Index))
            {
                throw Fail($"Duplicate index {policy.Index}", policy.Index);
            }

            foreach (var name in policy.Names.Where(n => !names.Add(n)))
            {
                throw Fail($"Duplicate name {name}", policy.Index);
            }

            if (policy.IsDefault)
            {
                if (defaultPolicy is not null)
                {
                    throw Fail($"Duplicate default: policy {defaultPolicy.Index} is the default already", policy.Index);
                }

                defaultPolicy = policy;
            }

            policies.Add(policy);
        }

        if (!indexes.Contains(0))
        {
            throw new StoragePolicyException("You must specify a storage policy for index 0 in order to define multiple policies");
        }

        if (policies.All(p => p.IsDeprecated))
        {
            throw new StoragePolicyException("Unable to find policy that's not deprecated!");
        }

        if (defaultPolicy is null)
        {
            // Swift makes a lone policy the default; with several, the operator must choose.
            if (policies.Count > 1)
            {
                throw new StoragePolicyException("Unable to find default policy");
            }

            policies[0] = policies[0] with { IsDefault = true };
        }

        return new StoragePolicyTable(policies);
    }

    private static StoragePolicy Parse(StoragePolicyConfig config)
    {
        if (config.Index < 0)
        {
            throw Fail("Invalid index", config.Index);
        }

        var names = new List<string>();
        AddName(names, config.Name, config.Index);
        foreach (var alias in config.Aliases.Select(a => a.Trim()).Where(a => a != config.Name))
        {
            AddName(names, alias, config.Index);
        }

        if (config.Default && config.Deprecated)
        {
            throw Fail("Deprecated policy can not be default", config.Index);
        }

        return new StoragePolicy(config.Index, names, config.Default, config.Deprecated);
    }

    // Names travel in headers (X-Account-Storage-Policy-<name>-Bytes-Used), hence Swift's narrow alphabet.
    private static void AddName(List<string> names, string? name, int index)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Fail("Invalid name ''", index);
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw Fail($"Names may contain only letters, digits and '-'. Invalid name '{name}'", index);
        }

        if (name.Equals(LegacyName, StringComparison.OrdinalIgnoreCase) && index != 0)
        {
            throw Fail($"The name {LegacyName} is reserved for policy index 0. Invalid name '{name}'", index);
        }

        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw Fail($"The name {name} is already assigned to this policy.", index);
        }

        names.Add(name);
    }

    private static StoragePolicyException Fail(string reason, int index) =>
        new($"Invalid storage policy {index.ToString(CultureInfo.InvariantCulture)}: {reason}");
}
