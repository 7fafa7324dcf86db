namespace CloudFs.EndToEndTests.Healing;

/// <summary>One object of a <see cref="ProbeCorpus"/>: its name in the container and a size; the bytes follow from the seed.</summary>
public sealed record ProbeObject(string Name, int Size, int Seed)
{
    /// <summary>The object's bytes, the same on every call (so nothing needs keeping in memory).</summary>
    public byte[] Content()
    {
        var bytes = new byte[Size];
        new Random(Seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The path after /v1/{account}/{container}/, each segment percent-encoded.</summary>
    public string EscapedName => string.Join('/', Name.Split('/').Select(Uri.EscapeDataString));
}
