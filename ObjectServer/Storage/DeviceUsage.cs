namespace CloudFs.ObjectServer.Storage;

/// <summary>One device's space, as reported by the filesystem it lives on.</summary>
public sealed record DeviceUsage(string Device, bool Mounted, long TotalBytes, long FreeBytes, long UsedBytes);
