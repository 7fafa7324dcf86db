using CloudFs.Common.Text;

namespace CloudFs.UnitTests.Common;

public class PythonUrlTests
{
    // Expected parts from Python 3.11's urllib.parse.urlparse.
    [TestCase("http://127.0.0.1", "http", "", "", "127.0.0.1")]
    [TestCase("127.0.0.1/v1", "", "127.0.0.1/v1", "", null)]
    [TestCase("http:///v1/a/c", "http", "/v1/a/c", "", null)]
    [TestCase("http://127.0.0.1/v1/a/c;p", "http", "/v1/a/c", "p", "127.0.0.1")]
    [TestCase("HTTPS://user@WWW.Example.com:8080/x", "https", "/x", "", "www.example.com")]
    [TestCase("http://[::1]:80/x", "http", "/x", "", "::1")]
    [TestCase("not a url", "", "not a url", "", null)]
    public void Split_GivesUrlparsesParts(string url, string scheme, string path, string parameters, string? host)
    {
        var parts = PythonUrl.Split(url);

        Assert.That((parts.Scheme, parts.Path, parts.Params, parts.Host), Is.EqualTo((scheme, path, parameters, host)));
    }

    [Test]
    public void Split_QueryAndFragment_AreSeparated()
    {
        var parts = PythonUrl.Split("http://h/p?q=1#f");

        Assert.That((parts.Path, parts.Query, parts.Fragment, parts.HasParamsQueryOrFragment), Is.EqualTo(("/p", "q=1", "f", true)));
        Assert.That(PythonUrl.Split("http://h/p?#").HasParamsQueryOrFragment, Is.False);
    }
}
