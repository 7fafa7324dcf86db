using CloudFs.Common.Results;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Symlinks;

/// <summary>
/// Where a <see cref="SymlinkWalk"/> ended: the object finally named (<see cref="Record"/> set),
/// an error to answer, or <see cref="IsDenied"/> when a hop was refused and the 401 or 403 is already written.
/// </summary>
public sealed record SymlinkWalkResult(ResourcePath? Path, ObjectRecord? Record, CloudFsError? Error, bool IsDenied)
{
    public static readonly SymlinkWalkResult Denied = new(null, null, null, true);

    public static SymlinkWalkResult Found(ResourcePath path, ObjectRecord record) => new(path, record, null, false);

    public static SymlinkWalkResult Failed(CloudFsError error) => new(null, null, error, false);
}
