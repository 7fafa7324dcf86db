namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary>
/// A form Swift refuses outright, before or between files: 400 with a plain-text
/// <c>FormPost: message</c>, or 401 with the message in title case.
/// </summary>
public sealed class FormPostFailure(bool unauthorized, string message) : Exception(message)
{
    public bool Unauthorized { get; } = unauthorized;

    public static FormPostFailure Invalid(string message) => new(false, message);

    public static FormPostFailure Denied(string message) => new(true, message);

    /// <summary>The body Swift sends: <c>FormPost: </c> and the message (title-cased for a 401).</summary>
    public string Body => "FormPost: " + (Unauthorized ? FormPostAnswer.Title(Message) : Message);
}
