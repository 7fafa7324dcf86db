namespace CloudFs.Common.Text;

/// <summary>
/// A URL split as Python's <c>urllib.parse.urlparse</c> splits it (what Swift checks URLs in
/// headers with: Referer, X-Container-Sync-To): no validation, every part a string, empty
/// when absent; <see cref="Host"/> is its <c>hostname</c> (lower-cased, null when empty).
/// </summary>
public sealed record PythonUrl(string Scheme, string Netloc, string Path, string Params, string Query, string Fragment)
{
    // Schemes whose path may carry ";params" in urlparse (urllib.parse.uses_params).
    private static readonly HashSet<string> UsesParams =
        ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps", "rtspu", "sip", "sips", "mms", "sftp", "tel"];

    public bool HasParamsQueryOrFragment => Params.Length > 0 || Query.Length > 0 || Fragment.Length > 0;

    public string? Host
    {
        get
        {
            var info = Netloc[(Netloc.LastIndexOf('@') + 1)..];
            string host;
            if (info.Contains('['))
            {
                host = info[(info.IndexOf('[') + 1)..];
                host = host.Contains(']') ? host[..host.IndexOf(']')] : host;
            }
            else
            {
                host = info.Contains(':') ? info[..info.IndexOf(':')] : info;
            }

            return host.Length == 0 ? null : host.ToLowerInvariant();
        }
    }

    public static PythonUrl Split(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // urlsplit drops leading C0 controls and spaces, and tabs and line breaks anywhere.
        url = url.TrimStart(Enumerable.Range(0, 33).Select(i => (char)i).ToArray()).Replace("\t", "").Replace("\r", "").Replace("\n", "");
        var scheme = "";
        var colon = url.IndexOf(':');
        if (colon > 0 && char.IsAsciiLetter(url[0]) && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = url[..colon].ToLowerInvariant();
            url = url[(colon + 1)..];
        }

        var netloc = "";
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            var end = url.IndexOfAny(['/', '?', '#'], 2);
            netloc = end < 0 ? url[2..] : url[2..end];
            url = end < 0 ? "" : url[end..];
        }

        var fragment = "";
        if (url.IndexOf('#') is var hash and >= 0)
        {
            fragment = url[(hash + 1)..];
            url = url[..hash];
        }

        var query = "";
        if (url.IndexOf('?') is var question and >= 0)
        {
            query = url[(question + 1)..];
            url = url[..question];
        }

        var parameters = "";
        if (UsesParams.Contains(scheme) && url.Contains(';'))
        {
            // The params of the last path segment only, as urlparse's _splitparams takes them.
            var semicolon = url.Contains('/') ? url.IndexOf(';', url.LastIndexOf('/')) : url.IndexOf(';');
            if (semicolon >= 0)
            {
                parameters = url[(semicolon + 1)..];
                url = url[..semicolon];
            }
        }

        return new PythonUrl(scheme, netloc, url, parameters, query, fragment);
    }
}
