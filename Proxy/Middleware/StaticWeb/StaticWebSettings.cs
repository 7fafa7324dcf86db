namespace CloudFs.Proxy.Middleware.StaticWeb;

/// <summary>A container's static web settings, from its <c>X-Container-Meta-Web-*</c> metadata.</summary>
public sealed record StaticWebSettings(string Index, string Error, string Listings, string ListingsLabel, string ListingsCss, string DirectoryType)
{
    public static readonly StaticWebSettings None = new("", "", "", "", "", "");

    public static StaticWebSettings From(ScopeInfo? container) => container is null ? None : new(
        Value(container, "Web-Index"), Value(container, "Web-Error"), Value(container, "Web-Listings"),
        Value(container, "Web-Listings-Label"), Value(container, "Web-Listings-CSS"), Value(container, "Web-Directory-Type"));

    /// <summary>True when the container is set up as a web site at all (an index or a listings setting).</summary>
    public bool IsSite => Index.Length > 0 || Listings.Length > 0;

    /// <summary>Listings are on when Web-Listings is one of Swift's true words.</summary>
    public bool ListingsOn => IsTrue(Listings);

    /// <summary>The content type of directory marker objects (served as not found).</summary>
    public string MarkerType => DirectoryType.Length > 0 ? DirectoryType : "application/directory";

    /// <summary>Swift's config_true_value.</summary>
    public static bool IsTrue(string? value) =>
        value?.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" or "t" or "y";

    private static string Value(ScopeInfo info, string name) => info.Meta(name)?.Trim() ?? "";
}
