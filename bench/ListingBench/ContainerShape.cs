namespace CloudFs.Bench.Listing;

/// <summary>
/// The benchmark's object names: half flat ("flat-0000042"), half nested three deep
/// ("d07/e13/obj-0042": Tops × 20 × 500), so prefixes, roll-ups and deep markers all meet
/// both kinds. Tops = 50 gives 1,000,000 objects, Tops = 5 gives 100,000.
/// </summary>
public sealed record ContainerShape(string Name, int Tops)
{
    public const int Middles = 20;
    public const int Leaves = 500;

    public int Nested => Tops * Middles * Leaves;

    public int Flat => Nested;

    public int Total => Nested + Flat;

    public IEnumerable<string> TopDirectories() => Enumerable.Range(0, Tops).Select(t => $"d{t:D2}");

    public IEnumerable<string> MiddleDirectories() =>
        TopDirectories().SelectMany(t => Enumerable.Range(0, Middles).Select(m => $"{t}/e{m:D2}"));

    public static string Leaf(int leaf) => $"obj-{leaf:D4}";

    public static string FlatName(int i) => $"flat-{i:D7}";
}
