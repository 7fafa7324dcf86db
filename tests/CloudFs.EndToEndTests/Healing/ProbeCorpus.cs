using System.Globalization;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// The objects a probe writes and reads back: deterministic names (in directories, a few with
/// spaces and non-ASCII letters) and contents, sizes from 0 B to 200 KiB (a quarter under
/// 1 KiB, half up to 64 KiB, a quarter above: several PUT chunks).
/// </summary>
public sealed class ProbeCorpus
{
    public const int MaxSize = 200 * 1024;

    public ProbeCorpus(int count, int seed = 15)
    {
        var random = new Random(seed);
        Objects = [.. Enumerable.Range(0, count).Select(i =>
        {
            var size = i == 0 ? 0 : (i % 4) switch
            {
                0 => random.Next(0, 1024),
                3 => random.Next(64 * 1024, MaxSize + 1),
                _ => random.Next(1024, 64 * 1024),
            };
            var file = i % 11 == 5 ? $"fïle {i.ToString("D5", CultureInfo.InvariantCulture)}.bin" : $"obj-{i.ToString("D5", CultureInfo.InvariantCulture)}.bin";
            return new ProbeObject($"dir{i % 7}/sub{i % 3}/{file}", size, unchecked((seed * 1_000_003) + i));
        })];
    }

    public IReadOnlyList<ProbeObject> Objects { get; }

    public long TotalBytes => Objects.Sum(o => (long)o.Size);

    public ProbeObject this[string name] => Objects.Single(o => o.Name == name);
}
