using System.Text.Json.Nodes;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Policies;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// The <c>/info</c> capabilities document, in Swift's shape: the core <c>swift</c> section
/// here, every middleware's section from its <see cref="IInfoSection"/>.
/// </summary>
public static class InfoDocument
{
    public static JsonObject Build(ProxyOptions options, Cors.CorsOptions cors, StoragePolicyTable policies, IEnumerable<IInfoSection> sections)
    {
        var document = Core(options, cors, Policies(policies));
        foreach (var section in sections)
        {
            document[section.Name] = section.Build();
        }

        return document;
    }

    /// <summary>
    /// True for Swift's admin form of <c>/info</c>: a non-empty <c>swiftinfo_sig</c> or
    /// <c>swiftinfo_expires</c> (it would show the disallowed sections, signed with admin_key).
    /// </summary>
    public static bool IsAdminRequest(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return !string.IsNullOrEmpty(query["swiftinfo_sig"].ToString()) || !string.IsNullOrEmpty(query["swiftinfo_expires"].ToString());
    }

    /// <summary>
    /// Swift's <c>policies</c> list: deprecated policies are hidden; "default" appears only on the
    /// default; "aliases" joins every name ("silver, gold").
    /// </summary>
    public static JsonArray Policies(StoragePolicyTable policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = new JsonArray();
        foreach (var policy in policies.Policies.Where(p => !p.IsDeprecated))
        {
            var entry = new JsonObject { ["name"] = policy.Name, ["aliases"] = policy.AliasesText };
            if (policy.IsDefault)
            {
                entry["default"] = true;
            }

            list.Add(entry);
        }

        return list;
    }

    private static JsonObject Core(ProxyOptions options, Cors.CorsOptions cors, JsonArray policies) => new()
    {
        ["swift"] = new JsonObject
        {
            ["version"] = ServerInfo.Version,
            ["max_file_size"] = options.MaxFileSize,
            ["max_meta_name_length"] = SwiftLimits.MaxMetaNameLength,
            ["max_meta_value_length"] = SwiftLimits.MaxMetaValueLength,
            ["max_meta_count"] = SwiftLimits.MaxMetaCount,
            ["max_meta_overall_size"] = SwiftLimits.MaxMetaOverallSize,
            ["max_header_size"] = SwiftLimits.MaxHeaderSize,
            ["max_object_name_length"] = SwiftLimits.MaxObjectNameLength,
            ["container_listing_limit"] = SwiftLimits.ListingLimit,
            ["account_listing_limit"] = SwiftLimits.ListingLimit,
            ["max_account_name_length"] = SwiftLimits.MaxAccountNameLength,
            ["max_container_name_length"] = SwiftLimits.MaxContainerNameLength,
            ["extra_header_count"] = 0,
            ["valid_api_versions"] = new JsonArray("v1", "v1.0"),
            ["policies"] = policies,
            ["allow_account_management"] = false,
            ["account_autocreate"] = false,
            ["strict_cors_mode"] = cors.StrictCorsMode,
        },
        ["tempauth"] = new JsonObject { ["account_acls"] = true },
    };
}
