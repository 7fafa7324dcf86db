using CloudFs.Proxy.Endpoints;
using Microsoft.AspNetCore.Http;

namespace CloudFs.UnitTests.Proxy;

public sealed class InfoAdminRequestTests
{
    [TestCase("?swiftinfo_sig=abc&swiftinfo_expires=1")]
    [TestCase("?swiftinfo_sig=abc")]
    [TestCase("?swiftinfo_expires=1")]
    public void IsAdminRequest_SigOrExpires_IsAdmin(string query) =>
        Assert.That(InfoDocument.IsAdminRequest(Query(query)), Is.True);

    [TestCase("")]
    [TestCase("?swiftinfo_sig=&swiftinfo_expires=")] // Swift reads an empty value as absent
    [TestCase("?format=json")]
    public void IsAdminRequest_NoSignature_IsPublic(string query) =>
        Assert.That(InfoDocument.IsAdminRequest(Query(query)), Is.False);

    private static IQueryCollection Query(string text) =>
        new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text));
}
