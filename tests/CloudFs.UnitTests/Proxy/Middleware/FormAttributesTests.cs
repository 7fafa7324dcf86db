using CloudFs.Proxy.Middleware.FormPost;
using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.UnitTests.Proxy.Middleware;

public class FormAttributesTests
{
    private const long Now = 1_796_000_000;
    private static readonly string[] Digests = ["sha1", "sha256", "sha512"];

    private static FormAttributes Form(string? signature = null, string expires = "1796131740")
    {
        var form = new FormAttributes();
        form.Set("Redirect", "http://x/");
        form.Set("max_file_size", "1024");
        form.Set("max_file_count", "2");
        form.Set("expires", expires);
        // Value computed with Python's hmac over the same text.
        form.Set("signature", signature ?? "f0d414e2b0ff9eca44900adc46e88f7afd65f8afcfc65739b688a46f6c072158");
        return form;
    }

    [Test]
    public void SignedText_IsSwiftsFiveLines()
    {
        Assert.That(Form().SignedText("/v1/AUTH_test/c"), Is.EqualTo("/v1/AUTH_test/c\nhttp://x/\n1024\n2\n1796131740"));
    }

    [Test]
    public void Verify_GoodSignature_Passes()
    {
        Assert.DoesNotThrow(() => Form().Verify("/v1/AUTH_test/c", ["other", "secret"], Digests, Now));
    }

    [Test]
    public void Verify_WrongKeyOrDigest_IsInvalidSignature()
    {
        var wrongKey = Assert.Throws<FormPostFailure>(() => Form().Verify("/v1/AUTH_test/c", ["other"], Digests, Now))!;
        var notAllowed = Assert.Throws<FormPostFailure>(() => Form().Verify("/v1/AUTH_test/c", ["secret"], ["sha512"], Now))!;
        var noKeys = Assert.Throws<FormPostFailure>(() => Form().Verify("/v1/AUTH_test/c", [], Digests, Now))!;

        Assert.That(new[] { wrongKey.Body, notAllowed.Body, noKeys.Body }, Is.All.EqualTo("FormPost: Invalid Signature"));
        Assert.That(wrongKey.Unauthorized, Is.True);
    }

    [Test]
    public void Verify_Expired_IsFormExpired_AndNonInteger_Is400()
    {
        var expired = Assert.Throws<FormPostFailure>(() => Form(expires: "100").Verify("/v1/AUTH_test/c", ["secret"], Digests, Now))!;
        var garbage = Assert.Throws<FormPostFailure>(() => Form(expires: "soon").Verify("/v1/AUTH_test/c", ["secret"], Digests, Now))!;

        Assert.That((expired.Unauthorized, expired.Body), Is.EqualTo((true, "FormPost: Form Expired")));
        Assert.That((garbage.Unauthorized, garbage.Body), Is.EqualTo((false, "FormPost: expired not an integer")));
    }

    [Test]
    public void Set_StripsTrailingNewlinesAndDashes_AsSwiftsRstrip()
    {
        var form = new FormAttributes();
        form.Set("Max_File_Count", "3\r\n--");

        Assert.That(form.Get("max_file_count"), Is.EqualTo("3"));
        Assert.That(form.AllowsFile(3), Is.True);
        Assert.That(form.AllowsFile(4), Is.False);
    }

    [Test]
    public void Limits_MissingAreZero_GarbageIs400()
    {
        var form = new FormAttributes();
        Assert.That(form.AllowsFile(1), Is.False);
        Assert.That(form.MaxFileSize, Is.EqualTo(0));

        form.Set("max_file_size", "big");
        form.Set("x_delete_at", "later");
        Assert.That(Assert.Throws<FormPostFailure>(() => _ = form.MaxFileSize)!.Body, Is.EqualTo("FormPost: max_file_size not an integer"));
        Assert.That(Assert.Throws<FormPostFailure>(() => form.DeleteHeaders())!.Body, Is.EqualTo("FormPost: x_delete_at not an integer: Unix timestamp required."));
    }

    [Test]
    public void Signature_FromPython_MatchesOurHmac()
    {
        var text = Form().SignedText("/v1/AUTH_test/c");
        var ours = TempUrlSignature.Hmac(System.Text.Encoding.UTF8.GetBytes(text), "secret"u8.ToArray(), "sha256");

        Assert.That(ours, Is.EqualTo("f0d414e2b0ff9eca44900adc46e88f7afd65f8afcfc65739b688a46f6c072158"));
    }
}
