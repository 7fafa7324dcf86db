namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>
/// A request feature the tempurl middleware sets once it has verified a signature: the
/// request needs no token and may touch only this account, or this container of it
/// (Swift's authorize_same_account / authorize_same_container).
/// </summary>
public sealed record TempUrlGrant(string Account, string? Container)
{
    public bool Covers(string account, string? container) =>
        account == Account && (Container is null || container == Container);
}
