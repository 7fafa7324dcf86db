namespace CloudFs.Ring;

/// <summary>
/// A fixed integer mixer (the splitmix64 finaliser) and a tiny generator built on it. Placement
/// must not depend on the runtime's randomised string hashing or on System.Random's algorithm,
/// so that every process and every .NET version computes the same ring.
/// </summary>
internal static class StableHash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A uniform double in (0, 1].</summary>
    public static double Unit(ulong x) => ((Mix(x) >> 11) + 1) * (1.0 / (1UL << 53));
}
