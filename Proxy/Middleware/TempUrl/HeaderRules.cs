namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>
/// Swift's remove/allow header lists: a name matches an entry exactly, or its prefix when the
/// entry ends in <c>*</c>; a name is removed when it matches the remove list and not the allow
/// list. Names compare without case.
/// </summary>
public sealed class HeaderRules(IEnumerable<string> remove, IEnumerable<string> allow)
{
    private readonly string[] _remove = remove.Select(h => h.ToLowerInvariant()).ToArray();
    private readonly string[] _allow = allow.Select(h => h.ToLowerInvariant()).ToArray();

    /// <summary>Builds the rules from Swift's space-separated configuration strings.</summary>
    public static HeaderRules FromConfig(string remove, string allow) => new(Words(remove), Words(allow));

    public bool Removes(string name)
    {
        var lower = name.ToLowerInvariant();
        return !Matches(_allow, lower) && Matches(_remove, lower);
    }

    /// <summary>Swift's configuration lists: words separated by whitespace.</summary>
    public static string[] Words(string? value) =>
        (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(string[] entries, string name) =>
        entries.Any(e => e.EndsWith('*') ? name.StartsWith(e[..^1], StringComparison.Ordinal) : name == e);
}
