namespace CloudFs.Proxy.Paths;

/// <summary>A client's resource URL <c>/v1/{account}[/{container}[/{object}]]</c>, decoded once.</summary>
public sealed record ResourcePath(string Account, string? Container, string? Object, string Query)
{
    public ResourceLevel Level => Object is not null ? ResourceLevel.Object
        : Container is not null ? ResourceLevel.Container : ResourceLevel.Account;
}
