using CloudFs.AccountServer.Core;
using CloudFs.Common.Results;

namespace CloudFs.UnitTests.AccountServer;

public class AccountQuotaRequestTests
{
    private static readonly Caller Admin = new(1, "admin:admin", UserType.Admin);
    private static readonly Caller Owner = new(2, "test2:tester2", UserType.Owner);

    private static Outcome<QuotaHeaders> Parse(Caller caller, params (string Name, string Value)[] headers) =>
        AccountQuotaRequest.Parse(caller, name => headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault());

    [Test]
    public void NoQuotaHeaders_KeepsBoth() => Assert.That(Parse(Owner).Value, Is.EqualTo(QuotaHeaders.None));

    [TestCase("10")]
    [TestCase("abc")]
    [TestCase("")]
    public void SwiftKey_FromANonAdmin_Is403WhateverTheValue(string value)
    {
        var parsed = Parse(Owner, ("X-Account-Meta-Quota-Bytes", value));
        Assert.That(parsed.Error!.Kind, Is.EqualTo(CloudFsErrorKind.Forbidden));
    }

    [Test]
    public void SwiftRemove_FromANonAdmin_Is403() =>
        Assert.That(Parse(Owner, ("X-Remove-Account-Meta-Quota-Bytes", "x")).Error!.Kind, Is.EqualTo(CloudFsErrorKind.Forbidden));

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("1.5")]
    public void SwiftKey_NotDigits_Is400WithTheStockPage(string value)
    {
        var parsed = Parse(Admin, ("X-Account-Meta-Quota-Bytes", value));
        Assert.That(parsed.Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(parsed.Error.Message, Is.Null);
    }

    [Test]
    public void SwiftKey_FromAnAdmin_SetsTheBytesQuota()
    {
        var parsed = Parse(Admin, ("X-Account-Meta-Quota-Bytes", "1"));
        Assert.That(parsed.Value, Is.EqualTo(new QuotaHeaders(new QuotaValue(QuotaValueKind.Set, 1), QuotaValue.Keep)));
    }

    [Test]
    public void SwiftKey_Empty_ClearsTheBytesQuota() =>
        Assert.That(Parse(Admin, ("X-Account-Meta-Quota-Bytes", "")).Value!.Bytes.Kind, Is.EqualTo(QuotaValueKind.Clear));

    [Test]
    public void SwiftRemove_DominatesASetValue() =>
        Assert.That(Parse(Admin, ("X-Account-Meta-Quota-Bytes", "5"), ("X-Remove-Account-Meta-Quota-Bytes", "x")).Value!.Bytes.Kind, Is.EqualTo(QuotaValueKind.Clear));

    [Test]
    public void CloudFsHeader_WinsOverSwiftsKey() =>
        Assert.That(Parse(Admin, ("X-Account-Quota-Bytes", "7"), ("X-Account-Meta-Quota-Bytes", "5")).Value!.Bytes, Is.EqualTo(new QuotaValue(QuotaValueKind.Set, 7)));

    [Test]
    public void CloudFsHeader_FromANonAdmin_IsLeftToTheAccountCheck()
    {
        // Refused later, after the account is found (AccountService.UpdateAsync), as before.
        Assert.That(Parse(Owner, ("X-Account-Quota-Bytes", "7")).Value!.IsPresent, Is.True);
    }

    [Test]
    public void CloudFsHeader_Invalid_KeepsItsMessage() =>
        Assert.That(Parse(Admin, ("X-Account-Quota-Bytes", "x")).Error!.Message, Is.EqualTo("Invalid bytes quota."));
}
