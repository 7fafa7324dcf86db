using CloudFs.AccountServer.Core;
using CloudFs.Common.Contracts;
using CloudFs.Common.Http;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.Common.Time;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Reads what the proxy puts on every internal request: caller, timestamp, path.</summary>
public static class BackendRequest
{
    public static Caller Caller(HttpRequest request)
    {
        var type = Enum.TryParse<UserType>(request.Headers[BackendHeaders.UserType], ignoreCase: true, out var t) ? t : (UserType?)null;
        var id = long.TryParse(request.Headers[BackendHeaders.UserId], out var i) ? i : (long?)null;
        var user = request.Headers[BackendHeaders.User].ToString();
        var granted = request.Headers[BackendHeaders.AclAccount].ToString();
        return new Caller(id, user.Length == 0 ? null : user, type, granted.Length == 0 ? null : granted);
    }

    /// <summary>The write's context; without an X-Timestamp from the proxy the write is stamped now.</summary>
    public static WriteContext Context(HttpContext context, TimeProvider time)
    {
        var timestamp = Timestamp.TryParse(context.Request.Headers[CloudFsHeaders.Timestamp], out var ts) ? ts : Timestamp.Now(time);
        return new WriteContext(Caller(context.Request), context.TraceIdentifier, timestamp);
    }

    /// <summary>The functional path, decoded once from the raw request target; catalog writes never take a container name holding '/'.</summary>
    public static Outcome<BackendPath> Path(HttpContext context, string prefix = "")
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var path = BackendPath.Parse(raw, prefix);
        return path.Value?.Container?.Contains('/', StringComparison.Ordinal) == true ? CloudFsError.BadRequest("Invalid path: '/' in a container name") : path;
    }

    public static IEnumerable<KeyValuePair<string, string>> Headers(HttpRequest request) =>
        request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));

    /// <summary>A header's value, or null when absent (an empty header is "").</summary>
    public static string? Optional(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
