namespace CloudFs.Proxy.Middleware.DomainRemap;

/// <summary>
/// Swift's domain_remap: <c>container.AUTH-account.example.com/path</c> is
/// <c>/v1/AUTH_account/container/path</c>, <c>AUTH-account.example.com/path</c> is
/// <c>/v1/AUTH_account/path</c>. Hosts outside the storage domains are left alone.
/// </summary>
public sealed class DomainRemapRules
{
    private readonly string[] _domains;
    private readonly string _pathRoot;
    private readonly string[] _prefixes;
    private readonly string? _defaultPrefix;
    private readonly bool _mangle;

    public DomainRemapRules(DomainRemapOptions options)
    {
        var domains = Csv(options.StorageDomain);
        // Swift tries the names given without a dot first (with one added), then those given with it.
        _domains = [.. domains.Where(d => !d.StartsWith('.')).Select(d => "." + d), .. domains.Where(d => d.StartsWith('.'))];
        _pathRoot = options.PathRoot.Trim('/') + "/";
        _prefixes = Csv(options.ResellerPrefixes);
        _defaultPrefix = options.DefaultResellerPrefix;
        _mangle = options.MangleClientPaths;
    }

    /// <summary>What a request to <paramref name="host"/> for <paramref name="path"/> becomes.</summary>
    public DomainRemapResult Map(string host, string path)
    {
        var colon = host.LastIndexOf(':');
        var name = colon >= 0 ? host[..colon] : host;
        var domain = _domains.FirstOrDefault(d => name.EndsWith(d, StringComparison.Ordinal));
        if (domain is null)
        {
            return DomainRemapResult.Unchanged;
        }

        var parts = name[..^domain.Length].Trim('.').Split('.');
        if (parts.Length > 2)
        {
            return DomainRemapResult.BadDomain;
        }

        var (container, account) = parts.Length == 2 ? (parts[0], parts[1]) : ((string?)null, parts[0]);
        if (_prefixes.Length > 0)
        {
            if (!account.Contains('_') && account.Contains('-'))
            {
                var dash = account.IndexOf('-');
                account = account[..dash] + "_" + account[(dash + 1)..];
            }

            var given = account.Split('_', 2)[0];
            var index = Array.FindIndex(_prefixes, p => p.Equals(given, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                // The configured spelling of the prefix wins over the host's (DNS names have no case).
                var real = _prefixes[index];
                account = account.StartsWith(real, StringComparison.Ordinal) ? account : real + account[real.Length..];
            }
            else if (!string.IsNullOrEmpty(_defaultPrefix))
            {
                account = $"{_defaultPrefix}_{account}";
            }
            else
            {
                return DomainRemapResult.Unchanged;
            }
        }

        var rest = path.Length > 0 ? path[1..] : "";
        if (_mangle && (rest + "/").StartsWith(_pathRoot, StringComparison.Ordinal))
        {
            rest = rest[Math.Min(_pathRoot.Length, rest.Length)..];
        }

        var segments = new List<string> { "", _pathRoot[..^1], account };
        if (container is not null)
        {
            segments.Add(container);
        }

        segments.Add(rest);
        return new DomainRemapResult(DomainRemapOutcome.Remapped, string.Join('/', segments));
    }

    private static string[] Csv(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
