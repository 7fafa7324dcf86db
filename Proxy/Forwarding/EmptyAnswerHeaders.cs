namespace CloudFs.Proxy.Forwarding;

/// <summary>
/// Swift's answers without a body still say what they are: every one carries
/// <c>Content-Length: 0</c>, and one that names no type gets swob's default
/// <c>text/html; charset=UTF-8</c> (container PUT 201, account POST 204, container DELETE 204,
/// container HEAD 204 with its listing's type). Role servers answer the proxy more tersely.
/// </summary>
public static class EmptyAnswerHeaders
{
    public const string DefaultContentType = "text/html; charset=UTF-8";

    /// <summary>True when an answer with this status and length has no body for the client.</summary>
    public static bool IsEmpty(int status, long? contentLength) =>
        status == StatusCodes.Status204NoContent || (status is >= 200 and < 300 && contentLength == 0);

    public static void Apply(HttpResponse response)
    {
        if (!IsEmpty(response.StatusCode, response.ContentLength))
        {
            return;
        }

        response.ContentLength = 0;
        if (string.IsNullOrEmpty(response.ContentType))
        {
            response.ContentType = DefaultContentType;
        }
    }
}
