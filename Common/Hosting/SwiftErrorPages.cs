namespace CloudFs.Common.Hosting;

/// <summary>
/// Swift's stock bodies (swob) for errors, and for the one success that has one (an object POST's
/// 202), so clients that print them read familiar text.
/// </summary>
public static class SwiftErrorPages
{
    public static string For(int status) => status switch
    {
        202 => Page("Accepted", "The request is accepted for processing."),
        400 => Page("Bad Request", "The server could not comply with the request since it is either malformed or otherwise incorrect."),
        401 => Page("Unauthorized", "This server could not verify that you are authorized to access the document you requested."),
        403 => Page("Forbidden", "Access was denied to this resource."),
        404 => Page("Not Found", "The resource could not be found."),
        405 => Page("Method Not Allowed", "The method is not allowed for this resource."),
        406 => Page("Not Acceptable", "The resource is not available in a format acceptable to your browser."),
        408 => Page("Request Timeout", "The server has waited too long for the request to be sent by the client."),
        409 => Page("Conflict", "There was a conflict when trying to complete your request."),
        411 => Page("Length Required", "Content-Length header required."),
        412 => Page("Precondition Failed", "A precondition for this request was not met."),
        413 => Page("Request Entity Too Large", "The body of your request was too large for this server."),
        416 => Page("Requested Range Not Satisfiable", "The Range requested is not available."),
        422 => Page("Unprocessable Entity", "Unable to process the contained instructions"),
        499 => Page("Client Disconnect", "The client was disconnected during request."),
        503 => Page("Service Unavailable", "The server is currently unavailable. Please try again at a later time."),
        507 => Page("Insufficient Storage", "There was not enough space to save the resource. Drive: unknown"),
        _ => Page("Internal Error", "The server has either erred or is incapable of performing the requested operation."),
    };

    private static string Page(string title, string text) => $"<html><h1>{title}</h1><p>{text}</p></html>";
}
