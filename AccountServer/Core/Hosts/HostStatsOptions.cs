namespace CloudFs.AccountServer.Core.Hosts;

/// <summary>The <c>AccountServer:Hosts</c> section: how long host statistics are kept, and when a host counts as silent.</summary>
public sealed class HostStatsOptions
{
    public const string Section = "AccountServer:Hosts";

    /// <summary>Samples are kept as reported for this many hours, then folded into buckets.</summary>
    public double RawHours { get; set; } = 24;

    /// <summary>The width of a folded bucket in seconds.</summary>
    public int BucketSeconds { get; set; } = 300;

    /// <summary>Buckets are kept this many days; a host silent this long is forgotten with its statistics.</summary>
    public double KeepDays { get; set; } = 30;

    /// <summary>How often retention runs, in seconds.</summary>
    public int RetentionSeconds { get; set; } = 600;

    /// <summary>A host that missed this many of its reports (plus <see cref="SilentGraceSeconds"/>) is silent.</summary>
    public int SilentAfterReports { get; set; } = 3;

    public int SilentGraceSeconds { get; set; } = 10;

    /// <summary>How often this server checks the catalog for silent hosts, in seconds.</summary>
    public int SilenceCheckSeconds { get; set; } = 10;

    public bool IsValid => RawHours > 0 && BucketSeconds >= 1 && KeepDays > 0 && RetentionSeconds >= 1 && SilentAfterReports >= 1
        && SilentGraceSeconds >= 0 && SilenceCheckSeconds >= 1;

    /// <summary>Whether a host last seen at <paramref name="lastSeen"/> (Unix ms) is silent at <paramref name="now"/>.</summary>
    public bool IsSilent(long lastSeen, int intervalSeconds, long now) =>
        now - lastSeen > ((long)SilentAfterReports * Math.Max(intervalSeconds, 1) + SilentGraceSeconds) * 1000;
}
