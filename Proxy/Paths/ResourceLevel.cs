namespace CloudFs.Proxy.Paths;

/// <summary>How deep a resource URL goes.</summary>
public enum ResourceLevel
{
    Account,
    Container,
    Object,
}
