namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>A container's object versioning: never enabled, enabled, or enabled once and now off (versions kept, new writes are "null" versions).</summary>
public enum VersioningState
{
    Off,
    Enabled,
    Suspended,
}
