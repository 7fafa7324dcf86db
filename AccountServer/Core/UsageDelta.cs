namespace CloudFs.AccountServer.Core;

/// <summary>
/// A change to one quota row's counters: <see cref="Bytes"/> and <see cref="Objects"/> held by
/// rows (usage), and room reserved for uploads still streaming. Build it with
/// <see cref="Used"/> or <see cref="Reserved"/> so a call site says which counters it moves.
/// </summary>
public readonly record struct UsageDelta(long Bytes, long Objects, long ReservedBytes, long ReservedObjects)
{
    /// <summary>Usage held by rows: what a commit adds and a delete takes away.</summary>
    public static UsageDelta Used(long bytes, long objects) => new(bytes, objects, 0, 0);

    /// <summary>Room an admission holds until its commit (or expiry) frees it.</summary>
    public static UsageDelta Reserved(long bytes, long objects) => new(0, 0, bytes, objects);

    public static UsageDelta operator +(UsageDelta a, UsageDelta b) =>
        new(a.Bytes + b.Bytes, a.Objects + b.Objects, a.ReservedBytes + b.ReservedBytes, a.ReservedObjects + b.ReservedObjects);

    public static UsageDelta operator -(UsageDelta d) => new(-d.Bytes, -d.Objects, -d.ReservedBytes, -d.ReservedObjects);
}
