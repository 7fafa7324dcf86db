namespace CloudFs.AccountServer.Core;

/// <summary>Bytes and objects that entered or left a container's usage.</summary>
public sealed record UsageDelta(long Bytes, long Objects);
