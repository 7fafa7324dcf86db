namespace CloudFs.Ring;

/// <summary>The seam servers depend on: the current ring of one role (tests use a fake).</summary>
public interface IRingProvider
{
    /// <summary>The role this provider serves ("account", "container", "object").</summary>
    string Role { get; }

    /// <summary>The current ring; never blocks on a reload.</summary>
    HashRing Current { get; }
}
