namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary><c>Proxy:Middleware:FormPost</c>: Swift's formpost filter settings, with Swift's defaults.</summary>
public sealed class FormPostOptions
{
    public const string Section = "Proxy:Middleware:FormPost";

    public bool Enabled { get; set; } = true;

    /// <summary>Digests accepted for the form's signature; empty means every supported one.</summary>
    public string AllowedDigests { get; set; } = "sha1 sha256 sha512";
}
