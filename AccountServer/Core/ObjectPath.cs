namespace CloudFs.AccountServer.Core;

/// <summary>
/// An object name split into the directory segments above it and its last segment. Swift
/// names may hold empty segments ("a//b", "/x", "dir/"): they stay empty-named segments.
/// </summary>
public sealed record ObjectPath(string FullName, IReadOnlyList<string> Directories, string Leaf)
{
    public static ObjectPath Parse(string name)
    {
        var segments = name.Split('/');
        return new ObjectPath(name, segments[..^1], segments[^1]);
    }

    /// <summary>Full name of the directory made of the first <paramref name="depth"/> segments.</summary>
    public string DirectoryPath(int depth) => string.Join('/', Directories.Take(depth));
}
