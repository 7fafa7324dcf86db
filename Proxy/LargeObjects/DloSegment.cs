namespace CloudFs.Proxy.LargeObjects;

/// <summary>One object of a DLO's segment container as its listing shows it.</summary>
public sealed record DloSegment(string Name, long Bytes, string Hash);
