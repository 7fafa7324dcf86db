namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>Swift's two legacy versioning modes: a DELETE restores the newest archive (stack) or archives and marks (history).</summary>
public enum LegacyVersionsMode
{
    Stack,
    History,
}
