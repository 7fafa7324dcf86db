using Microsoft.AspNetCore.WebUtilities;

namespace CloudFs.Proxy.Versioning;

/// <summary>Object versioning's <c>?version-id=</c>, read as Swift's req.params (last value wins; an empty value is no version).</summary>
public static class VersionQuery
{
    public const string Name = "version-id";

    public const string NullVersion = "null";

    public static string? Of(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        return values.TryGetValue(Name, out var given) && given[^1] is { Length: > 0 } version ? version : null;
    }
}
