namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>
/// Object versioning's container switch (<c>X-Versions-Enabled</c>), read as Swift's
/// config_true_value: anything but true/1/yes/on/t/y switches it off, never a 400.
/// </summary>
public static class VersionsEnabledChange
{
    public const string Header = "X-Versions-Enabled";

    /// <summary>Null when the header is absent.</summary>
    public static bool? Parse(string? value) =>
        value is null ? null : value.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" or "t" or "y";

    /// <summary>How Swift shows the stored flag: Python's bool.</summary>
    public static string Show(bool enabled) => enabled ? "True" : "False";
}
