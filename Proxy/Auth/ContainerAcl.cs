namespace CloudFs.Proxy.Auth;

/// <summary>
/// A container's <c>X-Container-Read</c> and <c>X-Container-Write</c> ACLs in tempauth's
/// syntax: comma-separated entries, <c>.r:*</c> (anyone may read objects), <c>.rlistings</c>
/// (and list the container), and user groups <c>account</c>, <c>account:user</c>,
/// <c>account:*</c>, <c>*:user</c>. Referrer entries other than <c>.r:*</c> are not honoured.
/// </summary>
public sealed record ContainerAcl(IReadOnlyList<string> Read, IReadOnlyList<string> Write)
{
    public static readonly ContainerAcl None = new([], []);

    public static ContainerAcl Parse(string? read, string? write) => new(Split(read), Split(write));

    public bool IsPublicRead => Read.Any(e => e is ".r:*" or ".r:*.*" || e == ".referrer:*");

    public bool AllowsObjectRead(Identity? who) => IsPublicRead || (who is not null && Read.Any(e => Matches(e, who)));

    public bool AllowsListing(Identity? who) =>
        (IsPublicRead && Read.Contains(".rlistings")) || (who is not null && Read.Any(e => Matches(e, who)));

    public bool AllowsWrite(Identity? who) => who is not null && Write.Any(e => Matches(e, who));

    private static bool Matches(string entry, Identity who)
    {
        if (entry.StartsWith('.'))
        {
            return false;
        }

        var account = who.AccountGroup;
        var user = who.UserName;
        return entry == account || entry == who.User || entry == who.Account
            || entry == account + ":*" || entry == "*:" + user;
    }

    private static List<string> Split(string? acl) =>
        string.IsNullOrWhiteSpace(acl)
            ? []
            : acl.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
