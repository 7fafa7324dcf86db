namespace CloudFs.AccountServer.Core;

/// <summary>A row of the quota table.</summary>
public sealed record QuotaState(long StobjId, long? MaxBytes, long? MaxObjects, long UsedBytes, long UsedObjects, long ReservedBytes, long ReservedObjects);
