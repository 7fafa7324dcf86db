using System.Text;
using CloudFs.Common.Time;

namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>
/// Legacy versioning's archive names in the versions container: <c>%03x</c> of the name's UTF-8
/// length, the name, '/', then the version's timestamp (<c>001o/1796131131.16652</c>), so one
/// object's versions sort together, oldest first.
/// </summary>
public static class ArchiveNames
{
    /// <summary>Swift's delete marker content type (history mode).</summary>
    public const string DeleteMarkerContentType = "application/x-deleted;swift_versions_deleted=1";

    /// <summary>The MD5 of nothing: a delete marker's ETag.</summary>
    public const string EmptyEtag = "d41d8cd98f00b204e9800998ecf8427e";

    public static string Prefix(string name) => $"{Encoding.UTF8.GetByteCount(name):x3}{name}/";

    public static string For(string name, Timestamp version) => Prefix(name) + version.ToHeader();
}
