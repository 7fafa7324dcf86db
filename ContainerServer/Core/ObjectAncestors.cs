namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The directory rows above an object: its name's prefixes before each '/', outermost
/// first ("a/b/c" → "a", "a/b"; "/x" → ""; "a//b" → "a", "a/").
/// </summary>
public static class ObjectAncestors
{
    public static IReadOnlyList<string> Of(string name)
    {
        var result = new List<string>();
        for (var i = name.IndexOf('/', StringComparison.Ordinal); i >= 0; i = name.IndexOf('/', i + 1))
        {
            result.Add(name[..i]);
        }

        return result;
    }
}
