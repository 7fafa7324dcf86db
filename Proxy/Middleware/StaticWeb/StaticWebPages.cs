using System.Globalization;
using System.Text;
using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.Proxy.Middleware.StaticWeb;

/// <summary>The HTML staticweb writes itself, byte for byte as Swift 2.30.1 writes it.</summary>
public static class StaticWebPages
{
    public const string MovedPermanently = "<html><h1>Moved Permanently</h1><p>The resource has moved permanently.</p></html>";

    private const string DocType = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">\n";

    /// <summary>The 404 page of a site whose listings are off (naming the missing index when there is one).</summary>
    public static string ListingDisabled(string label, StaticWebSettings settings, string prefix)
    {
        var body = new StringBuilder(DocType).Append("<html>\n<head>\n").Append($"<title>Listing of {Escape(label)}</title>\n");
        body.Append(settings.ListingsCss.Length > 0
            ? $"  <link rel=\"stylesheet\" type=\"text/css\" href=\"{CssPath(settings.ListingsCss, prefix)}\" />\n"
            : "  <style type=\"text/css\">\n   h1 {font-size: 1em; font-weight: bold;}\n   p {font-size: 2}\n  </style>\n");
        body.Append("</head>\n<body>  <h1>Web Listing Disabled</h1>   <p>The owner of this web site has disabled web listing.")
            .Append("   <p>If you are the owner of this web site, you can enable   web listing by setting X-Container-Meta-Web-Listings.</p>");
        if (settings.Index.Length > 0)
        {
            body.Append($"<h1>Index File Not Found</h1> <p>The owner of this web site has set  <b>X-Container-Meta-Web-Index: {settings.Index}</b>.  However, this file is not found.</p>");
        }

        return body.Append(" </body>\n</html>\n").ToString();
    }

    /// <summary>The listing of one directory level: subdirectories first, then objects, names relative to the prefix.</summary>
    public static string Listing(string label, StaticWebSettings settings, string prefix, IReadOnlyList<StaticWebEntry> entries)
    {
        var body = new StringBuilder(DocType).Append("<html>\n <head>\n").Append($"  <title>Listing of {Escape(label)}</title>\n");
        body.Append(settings.ListingsCss.Length > 0
            ? $"  <link rel=\"stylesheet\" type=\"text/css\" href=\"{CssPath(settings.ListingsCss, prefix)}\" />\n"
            : "  <style type=\"text/css\">\n   h1 {font-size: 1em; font-weight: bold;}\n   th {text-align: left; padding: 0px 1em 0px 1em;}\n"
              + "   td {padding: 0px 1em 0px 1em;}\n   a {text-decoration: none;}\n  </style>\n");
        body.Append(" </head>\n <body>\n").Append($"  <h1 id=\"title\">Listing of {Escape(label)}</h1>\n")
            .Append("  <table id=\"listing\">\n   <tr id=\"heading\">\n    <th class=\"colname\">Name</th>\n    <th class=\"colsize\">Size</th>\n")
            .Append("    <th class=\"coldate\">Date</th>\n   </tr>\n");
        if (prefix.Length > 0)
        {
            body.Append("   <tr id=\"parent\" class=\"item\">\n    <td class=\"colname\"><a href=\"../\">../</a></td>\n")
                .Append("    <td class=\"colsize\">&nbsp;</td>\n    <td class=\"coldate\">&nbsp;</td>\n   </tr>\n");
        }

        foreach (var dir in entries.Where(e => e.IsSubdir))
        {
            var name = Relative(dir.Name, prefix);
            body.Append($"   <tr class=\"item subdir\">\n    <td class=\"colname\"><a href=\"{Quote(name)}\">{Escape(name)}</a></td>\n")
                .Append("    <td class=\"colsize\">&nbsp;</td>\n    <td class=\"coldate\">&nbsp;</td>\n   </tr>\n");
        }

        foreach (var obj in entries.Where(e => !e.IsSubdir))
        {
            var name = Relative(obj.Name, prefix);
            var types = string.Join(' ', obj.ContentType.Split('/').Select(t => "type-" + Escape(t.ToLowerInvariant())));
            var date = Escape(obj.LastModified).Split('.')[0].Replace('T', ' ');
            body.Append($"   <tr class=\"item {types}\">\n    <td class=\"colname\"><a href=\"{Quote(name)}\">{Escape(name)}</a></td>\n")
                .Append($"    <td class=\"colsize\">{HumanReadable(obj.Bytes)}</td>\n    <td class=\"coldate\">{date}</td>\n   </tr>\n");
        }

        return body.Append("  </table>\n </body>\n</html>\n").ToString();
    }

    /// <summary>The stylesheet link: absolute paths and URLs as given, a relative name climbing out of the prefix.</summary>
    public static string CssPath(string css, string prefix) =>
        css.StartsWith('/') || css.StartsWith("http://", StringComparison.Ordinal) || css.StartsWith("https://", StringComparison.Ordinal)
            ? ContentDisposition.Quote(css, ":/")
            : string.Concat(Enumerable.Repeat("../", prefix.Count(c => c == '/'))) + Quote(css);

    /// <summary>Swift's human_readable: 1023, 1Ki, 3Ki, 1Mi... (rounding half to even at each step, as Python does).</summary>
    public static string HumanReadable(long bytes)
    {
        double value = bytes;
        const string suffixes = "KMGTPEZY";
        var index = -1;
        while (value >= 1024 && index + 1 < suffixes.Length)
        {
            index++;
            value = Math.Round(value / 1024, MidpointRounding.ToEven);
        }

        var whole = ((long)value).ToString(CultureInfo.InvariantCulture);
        return index == -1 ? whole : $"{whole}{suffixes[index]}i";
    }

    /// <summary>Python's html.escape with quotes.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#x27;", StringComparison.Ordinal);

    private static string Quote(string text) => ContentDisposition.Quote(text, "/");

    private static string Relative(string name, string prefix) =>
        prefix.Length > 0 && name.Length >= prefix.Length ? name[prefix.Length..] : name;
}
