using CloudFs.ContainerServer.Core;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// The names below a directory: <c>[dir + "/", dir + "0")</c> in byte order ('0' follows
/// '/'), so the object "dir" itself and the sibling "dir0" stay outside.
/// </summary>
public sealed record PathRange(string Lower, string Upper)
{
    public static PathRange Below(string directory) => new(directory + "/", directory + "0");

    public bool Contains(PathRange other) =>
        Utf8Order.Compare(other.Lower, Lower) >= 0 && Utf8Order.Compare(other.Lower, Upper) < 0;
}
