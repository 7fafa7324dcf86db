namespace CloudFs.Proxy.Middleware.DomainRemap;

public enum DomainRemapOutcome
{
    Unchanged,
    BadDomain,
    Remapped,
}
