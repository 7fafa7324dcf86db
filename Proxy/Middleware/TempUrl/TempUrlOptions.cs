namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>
/// <c>Proxy:Middleware:TempUrl</c>: Swift's tempurl filter settings, with Swift's defaults,
/// written as Swift writes them (space-separated lists).
/// </summary>
public sealed class TempUrlOptions
{
    public const string Section = "Proxy:Middleware:TempUrl";

    public bool Enabled { get; set; } = true;

    /// <summary>Methods a temp URL may grant.</summary>
    public string Methods { get; set; } = "GET HEAD PUT POST DELETE";

    /// <summary>Digests accepted; empty means every supported one.</summary>
    public string AllowedDigests { get; set; } = "sha1 sha256 sha512";

    /// <summary>Request headers dropped from temp URL requests (a trailing * matches a prefix).</summary>
    public string IncomingRemoveHeaders { get; set; } = "x-timestamp";

    /// <summary>Exceptions to <see cref="IncomingRemoveHeaders"/>.</summary>
    public string IncomingAllowHeaders { get; set; } = "";

    /// <summary>Response headers dropped from temp URL answers.</summary>
    public string OutgoingRemoveHeaders { get; set; } = "x-object-meta-*";

    /// <summary>Exceptions to <see cref="OutgoingRemoveHeaders"/>.</summary>
    public string OutgoingAllowHeaders { get; set; } = "x-object-meta-public-*";

    /// <summary>The allowed digests Swift would use: supported ones only, all of them when none is named.</summary>
    public IReadOnlyList<string> Digests()
    {
        var named = HeaderRules.Words(AllowedDigests).Select(d => d.ToLowerInvariant()).ToHashSet();
        var usable = named.Count == 0 ? TempUrlSignature.Supported.ToHashSet() : named.Intersect(TempUrlSignature.Supported).ToHashSet();
        return usable.Order(StringComparer.Ordinal).ToList();
    }
}
