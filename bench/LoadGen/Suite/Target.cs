namespace CloudFs.Bench.LoadGen.Suite;

/// <summary>A system under test: its name, tempauth URL and the sessions of its server processes.</summary>
public sealed record Target(string Name, Uri AuthUrl, IReadOnlyCollection<int> Sessions, bool StorageOnly)
{
    /// <summary>The loopback ceiling server stores nothing: it has no listings and no accounts.</summary>
    public bool IsCeiling => StorageOnly;
}
