namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Ends a bulk run early with Swift's "Response Status" and "Response Body" (swob's HTTPException
/// raised inside bulk's generator). The HTTP answer stays 200: the outcome is in the body.
/// </summary>
public sealed class BulkFailure(int status, string body = "") : Exception(body)
{
    public int Status { get; } = status;

    public string Body { get; } = body;
}
