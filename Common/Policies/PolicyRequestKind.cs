namespace CloudFs.Common.Policies;

/// <summary>The verdicts of <see cref="PolicyRequest.Parse"/>.</summary>
public enum PolicyRequestKind
{
    None,
    Found,
    Unknown,
    Deprecated,
}
