namespace CloudFs.Common.Policies;

/// <summary>The configured storage policies break one of Swift's rules; the server refuses to start.</summary>
public sealed class StoragePolicyException(string message) : Exception(message);
