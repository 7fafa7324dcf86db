using CloudFs.Proxy.Middleware.CrossDomain;

namespace CloudFs.UnitTests.Proxy.Middleware;

public class CrossDomainPolicyTests
{
    [Test]
    public void Document_DefaultPolicy_IsSwiftsBody()
    {
        var body = CrossDomainPolicy.Document(new CrossDomainOptions().CrossDomainPolicy);

        // The 209 bytes Swift 2.30.1 answered for GET /crossdomain.xml with its default policy.
        Assert.That(body, Is.EqualTo("<?xml version=\"1.0\"?>\n<!DOCTYPE cross-domain-policy SYSTEM \"http://www.adobe.com/xml/dtds/cross-domain-policy.dtd\" >\n"
            + "<cross-domain-policy>\n<allow-access-from domain=\"*\" secure=\"false\" />\n</cross-domain-policy>"));
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(body), Is.EqualTo(209));
    }
}
