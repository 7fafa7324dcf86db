using System.Globalization;
using CloudFs.Common.Contracts;
using CloudFs.Common.Policies;
using CloudFs.Common.Time;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The response headers of account and container HEAD/GET, as a Swift client sees them
/// through Swift's proxy (recorded from Swift 2.30): counts, X-Timestamp, metadata, quotas,
/// ACLs, Last-Modified (containers), the storage policy, Accept-Ranges and, when the format
/// came from the Accept header, Vary.
/// </summary>
public static class ScopeHeaders
{
    public static List<KeyValuePair<string, string>> Container(ScopeStatus status, bool formatGiven, StoragePolicyTable policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Container-Object-Count", Number(status.ObjectCount)),
            new("X-Container-Bytes-Used", Number(status.BytesUsed)),
            new("X-Timestamp", new Timestamp(status.XTimestamp).ToHeader()),
        };
        AddMetadata(headers, status, "X-Container-Meta-");
        if (status.Sys("read") is { Length: > 0 } read)
        {
            headers.Add(new("X-Container-Read", read));
        }

        if (status.Sys("write") is { Length: > 0 } write)
        {
            headers.Add(new("X-Container-Write", write));
        }

        // Container sync settings, kept and shown as Swift does (the proxy shows them to owners only).
        if (status.Sys("sync-to") is { Length: > 0 } syncTo)
        {
            headers.Add(new("X-Container-Sync-To", syncTo));
        }

        if (status.Sys("sync-key") is { Length: > 0 } syncKey)
        {
            headers.Add(new("X-Container-Sync-Key", syncKey));
        }

        headers.Add(new("Last-Modified", new Timestamp(status.XTimestamp).ToHttpDate()));
        headers.Add(new("Accept-Ranges", "bytes"));
        // A policy dropped from the configuration has no name to show (Swift then omits it too).
        if (policies.ByIndex(status.PolicyIndex) is { } policy)
        {
            headers.Add(new("X-Storage-Policy", policy.Name));
        }

        // Legacy versioning, shown under the name it was set with (Swift's versioned_writes).
        if (status.Sys("versions-location") is { Length: > 0 } location)
        {
            headers.Add(new(status.Sys("versions-mode") == "history" ? "X-History-Location" : "X-Versions-Location", location));
        }

        // Object versioning: the switch as Swift shows it; whether versions were ever kept, for the proxy only.
        if (status.Sys("versions-enabled") is { Length: > 0 } enabled)
        {
            headers.Add(new("X-Versions-Enabled", enabled));
        }

        if (status.Sys("versions-kept") is { Length: > 0 })
        {
            headers.Add(new(BackendHeaders.Versioned, "true"));
        }

        AddVary(headers, formatGiven);
        return headers;
    }

    public static List<KeyValuePair<string, string>> Account(ScopeStatus status, bool formatGiven, StoragePolicyTable policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Account-Container-Count", Number(status.ContainerCount)),
            new("X-Account-Object-Count", Number(status.ObjectCount)),
            new("X-Account-Bytes-Used", Number(status.BytesUsed)),
            new("X-Timestamp", new Timestamp(status.XTimestamp).ToHeader()),
        };
        // One group per policy that holds a container, named as Swift's header dictionaries
        // title-case it (silver -> Silver); a policy no longer configured is left out, as Swift does.
        foreach (var usage in status.PolicyUsage)
        {
            if (policies.ByIndex(usage.PolicyIndex) is not { } policy)
            {
                continue;
            }

            var prefix = "X-Account-Storage-Policy-" + HeaderCase.Title(policy.Name);
            headers.Add(new(prefix + "-Container-Count", Number(usage.ContainerCount)));
            headers.Add(new(prefix + "-Object-Count", Number(usage.ObjectCount)));
            headers.Add(new(prefix + "-Bytes-Used", Number(usage.BytesUsed)));
        }

        AddMetadata(headers, status, "X-Account-Meta-");
        headers.Add(new("Accept-Ranges", "bytes"));
        // tempauth's account ACL; the proxy shows it to account owners and ACL admins only.
        if (status.Sys("core-access-control") is { Length: > 0 } acl)
        {
            headers.Add(new("X-Account-Access-Control", acl));
        }

        // For the proxy's ratelimit filter; the proxy strips X-Backend-* before a client sees it.
        if (status.Sys("global-write-ratelimit") is { Length: > 0 } rate)
        {
            headers.Add(new(BackendHeaders.GlobalWriteRatelimit, rate));
        }

        AddVary(headers, formatGiven);
        return headers;
    }

    // Quotas live in the quota table; Swift shows them as the Quota-Bytes/-Count metadata.
    private static void AddMetadata(List<KeyValuePair<string, string>> headers, ScopeStatus status, string prefix)
    {
        foreach (var entry in status.Metadata.Where(m => m.Kind == MetadataEntry.User).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if ((entry.Name == "quota-bytes" && status.QuotaBytes is not null) || (entry.Name == "quota-count" && status.QuotaCount is not null))
            {
                continue;
            }

            headers.Add(new(prefix + HeaderCase.Title(entry.Name), entry.Value));
        }

        if (status.QuotaBytes is { } bytes)
        {
            headers.Add(new(prefix + "Quota-Bytes", Number(bytes)));
        }

        if (status.QuotaCount is { } count)
        {
            headers.Add(new(prefix + "Quota-Count", Number(count)));
        }
    }

    private static void AddVary(List<KeyValuePair<string, string>> headers, bool formatGiven)
    {
        if (!formatGiven)
        {
            headers.Add(new("Vary", "Accept"));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
