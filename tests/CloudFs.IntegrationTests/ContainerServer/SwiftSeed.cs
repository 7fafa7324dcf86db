using System.Globalization;
using System.Text.Json;
using CloudFs.Catalog;
using CloudFs.Common.Time;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// Writes into a catalog what Swift held when the answers were recorded (SwiftRecordings/
/// seed.json): the account and containers with their X-Timestamps, metadata, ACLs, quotas
/// and usage, and every object with Swift's name, size, ETag, content type and timestamp.
/// </summary>
internal static class SwiftSeed
{
    public const string Account = "AUTH_test";

    public static async Task LoadAsync(CatalogOptions options)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Recordings, "seed.json")));
        var root = document.RootElement;
        await using var seeder = await CatalogSeeder.OpenAsync(options);
        var accountHead = Headers(root.GetProperty("accountHead"));
        var accountId = await seeder.AccountAsync(Account, HeaderTimestamp(accountHead["X-Timestamp"]));
        foreach (var container in root.GetProperty("containers").EnumerateArray())
        {
            var head = Headers(container.GetProperty("head"));
            var containerId = await seeder.ContainerAsync(accountId, container.GetProperty("name").GetString()!, HeaderTimestamp(head["X-Timestamp"]));
            foreach (var item in container.GetProperty("objects").EnumerateArray())
            {
                await seeder.ObjectAsync(accountId, containerId, item.GetProperty("name").GetString()!, item.GetProperty("bytes").GetInt64(),
                    item.GetProperty("hash").GetString()!, item.GetProperty("content_type").GetString()!,
                    ListingTimestamp(item.GetProperty("last_modified").GetString()!));
            }

            await ApplyHeadersAsync(seeder, containerId, head, "X-Container-Meta-");
            if (head.TryGetValue("X-Container-Read", out var read))
            {
                await seeder.MetadataAsync(containerId, "sys", "read", read);
            }

            if (head.TryGetValue("X-Container-Write", out var write))
            {
                await seeder.MetadataAsync(containerId, "sys", "write", write);
            }

            await seeder.UsageAsync(containerId, long.Parse(head["X-Container-Bytes-Used"], CultureInfo.InvariantCulture),
                long.Parse(head["X-Container-Object-Count"], CultureInfo.InvariantCulture));
        }

        await ApplyHeadersAsync(seeder, accountId, accountHead, "X-Account-Meta-");
        await seeder.UsageAsync(accountId, long.Parse(accountHead["X-Account-Bytes-Used"], CultureInfo.InvariantCulture),
            long.Parse(accountHead["X-Account-Object-Count"], CultureInfo.InvariantCulture));
    }

    /// <summary>"2026-11-24T09:46:25.982510" → X-Timestamp units.</summary>
    public static long ListingTimestamp(string iso) => Timestamp.FromDateTimeOffset(new DateTimeOffset(
        DateTime.ParseExact(iso, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        TimeSpan.Zero)).Units;

    public static long HeaderTimestamp(string header) =>
        Timestamp.TryParse(header, out var value) ? value.Units : throw new FormatException(header);

    public static Dictionary<string, string> Headers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);

    // Quota-Bytes/-Count go to the quota table (where CloudFs keeps them); the rest is user metadata.
    private static async Task ApplyHeadersAsync(CatalogSeeder seeder, long id, Dictionary<string, string> head, string prefix)
    {
        long? maxBytes = null;
        long? maxObjects = null;
        foreach (var (name, value) in head.Where(h => h.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            var key = name[prefix.Length..].ToLowerInvariant();
            switch (key)
            {
                case "quota-bytes": maxBytes = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "quota-count": maxObjects = long.Parse(value, CultureInfo.InvariantCulture); break;
                default: await seeder.MetadataAsync(id, "user", key, value); break;
            }
        }

        await seeder.QuotaAsync(id, maxBytes, maxObjects);
    }
}
