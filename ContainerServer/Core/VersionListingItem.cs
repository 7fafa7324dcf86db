using System.Text;
using CloudFs.Common.Text;
using CloudFs.Common.Time;

namespace CloudFs.ContainerServer.Core;

/// <summary>One entry of a <c>?versions</c> listing: a subdir, or an object version written with Swift's keys in Swift's order.</summary>
public sealed record VersionListingItem(string? SubdirName, VersionListingEntry? Entry, bool IsLatest)
{
    public const string DeleteMarker = "application/x-deleted;swift_versions_deleted=1";

    public static VersionListingItem Subdir(string name) => new(name, null, false);

    public static VersionListingItem Of(VersionListingEntry entry, bool isLatest) => new(null, entry, isLatest);

    /// <summary>The JSON array Swift sends (Python's json.dumps: ", " and ": " separators, ASCII escapes).</summary>
    public static byte[] Json(IReadOnlyList<VersionListingItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = new StringBuilder("[");
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? "{" : ", {");
            items[i].Append(builder);
            builder.Append('}');
        }

        return Encoding.ASCII.GetBytes(builder.Append(']').ToString());
    }

    private void Append(StringBuilder builder)
    {
        if (Entry is not { } entry)
        {
            PythonJson.AppendMember(builder, "subdir", SubdirName ?? "", first: true);
            return;
        }

        PythonJson.AppendMember(builder, "bytes", entry.Bytes, first: true);
        PythonJson.AppendMember(builder, "hash", entry.Hash);
        PythonJson.AppendMember(builder, "name", entry.Name);
        PythonJson.AppendMember(builder, "content_type", entry.ContentType);
        PythonJson.AppendMember(builder, "last_modified", new Timestamp(entry.Timestamp).ToIso());
        var latest = IsLatest ? "true" : "false";
        if (entry.IsCurrent && entry.VersionId is null)
        {
            // Swift adds these two to a "null" version's primary listing item in this order.
            PythonJson.AppendMember(builder, "version_id", "null");
            builder.Append(", \"is_latest\": ").Append(latest);
            return;
        }

        builder.Append(", \"is_latest\": ").Append(latest);
        PythonJson.AppendMember(builder, "version_id", entry.VersionId ?? new Timestamp(entry.Timestamp).ToHeader());
    }
}
