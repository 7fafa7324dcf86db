using System.Globalization;
using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary>
/// How a processed form is answered, as Swift does: without a redirect, the last file's status
/// line (and <c>FormPost: Message</c>) as plain text; with one, a 303 to it carrying
/// <c>status</c> and <c>message</c> in the query.
/// </summary>
public sealed record FormPostAnswer(int Status, string? Location, string Body, string? ContentType)
{
    public static FormPostAnswer For(int status, string message, string? redirect)
    {
        if (redirect is null)
        {
            var body = StatusLine(status) + (message.Length > 0 ? "\r\nFormPost: " + Title(message) : "");
            return new FormPostAnswer(status, null, body, "text/plain");
        }

        var location = redirect + (redirect.Contains('?') ? "&" : "?")
            + $"status={status.ToString(CultureInfo.InvariantCulture)}&message={ContentDisposition.Quote(message, "/")}";
        return new FormPostAnswer(StatusCodes.Status303SeeOther, location,
            $"<html><body><p><a href=\"{location}\">Click to continue...</a></p></body></html>", null);
    }

    /// <summary>Swift's status line for a code (swob's reason phrases where they differ from .NET's).</summary>
    public static string StatusLine(int status) => status.ToString(CultureInfo.InvariantCulture) + " " + status switch
    {
        413 => "Request Entity Too Large",
        416 => "Requested Range Not Satisfiable",
        499 => "Client Disconnect",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>Python's <c>str.title()</c>: each run of letters starts upper-case, the rest lower-case.</summary>
    public static string Title(string text)
    {
        var chars = text.ToCharArray();
        var previousLetter = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var letter = char.IsLetter(chars[i]);
            chars[i] = letter && !previousLetter ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            previousLetter = letter;
        }

        return new string(chars);
    }
}
