namespace CloudFs.Proxy.Middleware.CrossDomain;

/// <summary>The /crossdomain.xml document Flash and Silverlight clients ask for, as Swift writes it.</summary>
public static class CrossDomainPolicy
{
    public static string Document(string policy) =>
        "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE cross-domain-policy SYSTEM \"http://www.adobe.com/xml/dtds/cross-domain-policy.dtd\" >\n"
        + "<cross-domain-policy>\n"
        + policy + "\n"
        + "</cross-domain-policy>";
}
