namespace CloudFs.Proxy.Middleware;

/// <summary>What a HEAD of an account or container answered: its headers, metadata among them.</summary>
public sealed class ScopeInfo(IReadOnlyDictionary<string, string> headers)
{
    private readonly Dictionary<string, string> _headers = new(headers, StringComparer.OrdinalIgnoreCase);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>User metadata <c>X-{Account|Container}-Meta-{name}</c>, or null when unset or empty.</summary>
    public string? Meta(string name) =>
        (Header($"X-Account-Meta-{name}") ?? Header($"X-Container-Meta-{name}")) is { Length: > 0 } value ? value : null;
}
