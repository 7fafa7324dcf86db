namespace CloudFs.AccountServer.Core;

/// <summary>
/// Pure quota arithmetic: does adding <c>bytes</c> and <c>objects</c> to what is used and
/// already reserved stay within the limits? A null limit means unlimited.
/// </summary>
public static class QuotaPolicy
{
    public static bool Allows(QuotaState state, long bytes, long objects) =>
        Fits(state.MaxBytes, state.UsedBytes + state.ReservedBytes, bytes)
        && Fits(state.MaxObjects, state.UsedObjects + state.ReservedObjects, objects);

    private static bool Fits(long? limit, long current, long delta) =>
        limit is not { } max || delta <= 0 || current + delta <= max;
}
