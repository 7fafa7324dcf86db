using CloudFs.Ring;

namespace CloudFs.Proxy.Objects;

/// <summary>One replica's answer to a blob PUT (status 0: no answer).</summary>
public sealed record ReplicaAnswer(RingDevice Node, int Status, string? Etag);
