namespace CloudFs.ContainerServer.Data;

/// <summary>An account's containers of one storage policy and what they hold (Swift's policy_stat row).</summary>
public sealed class PolicyUsage
{
    public int PolicyIndex { get; set; }

    public long ContainerCount { get; set; }

    public long ObjectCount { get; set; }

    public long BytesUsed { get; set; }
}
