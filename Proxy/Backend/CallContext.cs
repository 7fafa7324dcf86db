using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;

namespace CloudFs.Proxy.Backend;

/// <summary>What every internal request of one client request carries: transaction id, timestamp, caller.</summary>
public sealed record CallContext(string TransId, Timestamp Timestamp, Identity? Identity)
{
    public const string UserIdHeader = "X-Backend-User-Id";
    public const string UserHeader = "X-Backend-User";
    public const string UserTypeHeader = "X-Backend-User-Type";

    /// <summary>The internal headers as name/value pairs.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        yield return new("X-Trans-Id", TransId);
        yield return new("X-Timestamp", Timestamp.ToHeader());
        if (Identity is { } who)
        {
            yield return new(UserIdHeader, who.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return new(UserHeader, who.User);
            yield return new(UserTypeHeader, who.Type);
        }
    }

    /// <summary>The same context acting as a system caller (an admin), for lookups the proxy makes for itself.</summary>
    public CallContext AsSystem() => this with { Identity = new Identity(0, "proxy:proxy", "", "admin", 0) };
}
