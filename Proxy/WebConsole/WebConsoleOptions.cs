namespace CloudFs.Proxy.WebConsole;

/// <summary>The <c>Proxy:Console</c> section: the web console the proxy serves at <c>/console/</c>.</summary>
public sealed class WebConsoleOptions
{
    public const string Section = "Proxy:Console";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The built console (WebConsole/dist); empty means the <c>console</c> folder beside the
    /// proxy's assembly, where the build and the RPM put it.
    /// </summary>
    public string Root { get; set; } = "";

    public string ResolvedRoot => Root.Length > 0 ? Path.GetFullPath(Root) : Path.Combine(AppContext.BaseDirectory, "console");
}
