using CloudFs.Common.Contracts;
using CloudFs.Common.Http;
using CloudFs.Common.Time;

namespace CloudFs.Backend;

/// <summary>What every internal request of one client request carries: transaction id, timestamp, caller.</summary>
public sealed record CallContext(string TransId, Timestamp Timestamp, BackendCaller? Caller)
{
    /// <summary>The internal headers as name/value pairs.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        yield return new(CloudFsHeaders.TransId, TransId);
        yield return new(CloudFsHeaders.Timestamp, Timestamp.ToHeader());
        if (Caller is { } who)
        {
            yield return new(BackendHeaders.UserId, who.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return new(BackendHeaders.User, who.User);
            yield return new(BackendHeaders.UserType, who.Type);
            if (who.AclAccount is { } granted)
            {
                yield return new(BackendHeaders.AclAccount, granted);
            }
        }
    }

    /// <summary>The same context acting as a system caller (an admin), for lookups the proxy makes for itself.</summary>
    public CallContext AsSystem() => this with { Caller = new BackendCaller(0, "proxy:proxy", "admin") };
}
