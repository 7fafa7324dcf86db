namespace CloudFs.Proxy.Symlinks;

/// <summary><c>Proxy:Middleware:Symlink</c>: Swift's symlink filter settings.</summary>
public sealed class SymlinkOptions
{
    public const string Section = "Proxy:Middleware:Symlink";

    /// <summary>Swift's default symloop_max.</summary>
    public const int DefaultSymloopMax = 2;

    public bool Enabled { get; set; } = true;

    /// <summary>How many links one GET or HEAD follows; below 1 means the default, as in Swift.</summary>
    public int SymloopMax { get; set; } = DefaultSymloopMax;

    public int EffectiveSymloopMax => SymloopMax < 1 ? DefaultSymloopMax : SymloopMax;
}
