using CloudFs.Proxy.Middleware.StaticWeb;

namespace CloudFs.UnitTests.Proxy.Middleware;

/// <summary>Expected pages are Swift 2.30.1's answers for the same containers.</summary>
public class StaticWebPagesTests
{
    private static readonly StaticWebSettings Listings = StaticWebSettings.None with { Listings = "true", ListingsCss = "style.css" };

    [Test]
    public void Listing_WithPrefix_IsSwiftsPage()
    {
        var entries = new List<StaticWebEntry>
        {
            new("d/b c.txt", false, 1, "text/plain", "2026-12-01T13:37:14.123450"),
            new("d/e/", true),
        };

        var page = StaticWebPages.Listing("/v1/AUTH_test/web2/d/", Listings, "d/", entries);

        Assert.That(page, Is.EqualTo("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">\n<html>\n <head>\n"
            + "  <title>Listing of /v1/AUTH_test/web2/d/</title>\n  <link rel=\"stylesheet\" type=\"text/css\" href=\"../style.css\" />\n </head>\n <body>\n"
            + "  <h1 id=\"title\">Listing of /v1/AUTH_test/web2/d/</h1>\n  <table id=\"listing\">\n   <tr id=\"heading\">\n    <th class=\"colname\">Name</th>\n"
            + "    <th class=\"colsize\">Size</th>\n    <th class=\"coldate\">Date</th>\n   </tr>\n   <tr id=\"parent\" class=\"item\">\n"
            + "    <td class=\"colname\"><a href=\"../\">../</a></td>\n    <td class=\"colsize\">&nbsp;</td>\n    <td class=\"coldate\">&nbsp;</td>\n   </tr>\n"
            + "   <tr class=\"item subdir\">\n    <td class=\"colname\"><a href=\"e/\">e/</a></td>\n    <td class=\"colsize\">&nbsp;</td>\n"
            + "    <td class=\"coldate\">&nbsp;</td>\n   </tr>\n   <tr class=\"item type-text type-plain\">\n"
            + "    <td class=\"colname\"><a href=\"b%20c.txt\">b c.txt</a></td>\n    <td class=\"colsize\">1</td>\n    <td class=\"coldate\">2026-12-01 13:37:14</td>\n"
            + "   </tr>\n  </table>\n </body>\n</html>\n"));
    }

    [Test]
    public void ListingDisabled_NamesTheMissingIndex()
    {
        var page = StaticWebPages.ListingDisabled("/v1/AUTH_test/web6/", StaticWebSettings.None with { Index = "index.html" }, "");

        Assert.That(page.Length, Is.EqualTo(655));
        Assert.That(page, Does.Contain("<b>X-Container-Meta-Web-Index: index.html</b>.  However, this file is not found.</p> </body>\n</html>\n"));
    }

    [TestCase(0, "0")]
    [TestCase(1023, "1023")]
    [TestCase(1024, "1Ki")]
    [TestCase(3000, "3Ki")]
    [TestCase(1536, "2Ki")]
    [TestCase(2560, "2Ki")]
    [TestCase(1048576, "1Mi")]
    public void HumanReadable_IsSwifts(long bytes, string expected)
    {
        Assert.That(StaticWebPages.HumanReadable(bytes), Is.EqualTo(expected));
    }

    [TestCase("style.css", "", "style.css")]
    [TestCase("style.css", "a/b/", "../../style.css")]
    [TestCase("/static/s s.css", "a/", "/static/s%20s.css")]
    [TestCase("https://cdn.example/s.css", "a/", "https://cdn.example/s.css")]
    public void CssPath_RelativeClimbsOutOfThePrefix(string css, string prefix, string expected)
    {
        Assert.That(StaticWebPages.CssPath(css, prefix), Is.EqualTo(expected));
    }

    [Test]
    public void Escape_IsPythonsHtmlEscape()
    {
        Assert.That(StaticWebPages.Escape("<a href=\"x\">'&'</a>"), Is.EqualTo("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"));
    }

    [TestCase("true", true)]
    [TestCase(" Yes ", true)]
    [TestCase("on", true)]
    [TestCase("false", false)]
    [TestCase("", false)]
    public void ListingsOn_UsesSwiftsTrueWords(string value, bool on)
    {
        Assert.That((StaticWebSettings.None with { Listings = value.Trim() }).ListingsOn, Is.EqualTo(on));
    }
}
