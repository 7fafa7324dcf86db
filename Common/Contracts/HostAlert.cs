using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// A condition an operator must look at, raised by the server that sees it: <see cref="Kind"/>
/// says what (one of <see cref="HostAlertKinds"/>), <see cref="Subject"/> which device, node or
/// host, <see cref="Detail"/> the figures in words.
/// </summary>
public sealed record HostAlert(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("detail")] string Detail);

public static class HostAlertKinds
{
    public const string DeviceFull = "device_full";
    public const string DeviceUnmounted = "device_unmounted";
    public const string ReplicationStalled = "replication_stalled";
    public const string JournalGrowing = "journal_growing";
    public const string NodeErrorLimited = "node_error_limited";
    public const string HostSilent = "host_silent";

    public static IReadOnlyList<string> All { get; } =
        [DeviceFull, DeviceUnmounted, ReplicationStalled, JournalGrowing, NodeErrorLimited, HostSilent];
}
