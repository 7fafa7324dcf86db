namespace CloudFs.Proxy.Middleware.DomainRemap;

/// <summary>What domain_remap makes of a request: left alone, refused, or a new path.</summary>
public sealed record DomainRemapResult(DomainRemapOutcome Outcome, string Path)
{
    public static readonly DomainRemapResult Unchanged = new(DomainRemapOutcome.Unchanged, "");

    public static readonly DomainRemapResult BadDomain = new(DomainRemapOutcome.BadDomain, "");
}
