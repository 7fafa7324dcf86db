namespace CloudFs.Proxy.Auth;

/// <summary>
/// Swift's <c>swift_owner_headers</c>: headers only an account's owners (or its ACL admins)
/// may set or see. A user let in by an ACL has them dropped from its request and its answer.
/// </summary>
public static class OwnerHeaders
{
    public static readonly IReadOnlyList<string> Names =
    [
        "X-Container-Read", "X-Container-Write", "X-Container-Sync-Key", "X-Container-Sync-To",
        "X-Account-Meta-Temp-Url-Key", "X-Account-Meta-Temp-Url-Key-2",
        "X-Container-Meta-Temp-Url-Key", "X-Container-Meta-Temp-Url-Key-2",
        AccountAcl.Header,
    ];

    /// <summary>Drops them from the request now and from the answer when it starts.</summary>
    public static void HideFrom(HttpContext context)
    {
        foreach (var name in Names)
        {
            context.Request.Headers.Remove(name);
        }

        context.Response.OnStarting(() =>
        {
            foreach (var name in Names)
            {
                context.Response.Headers.Remove(name);
            }

            return Task.CompletedTask;
        });
    }
}
