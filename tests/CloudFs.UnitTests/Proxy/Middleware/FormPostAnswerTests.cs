using CloudFs.Proxy.Middleware.FormPost;

namespace CloudFs.UnitTests.Proxy.Middleware;

/// <summary>Expected bodies and locations are Swift 2.30.1's answers to the same forms.</summary>
public class FormPostAnswerTests
{
    [Test]
    public void NoRedirect_IsTheStatusLineAsPlainText()
    {
        Assert.That(FormPostAnswer.For(201, "", null), Is.EqualTo(new FormPostAnswer(201, null, "201 Created", "text/plain")));
        Assert.That(FormPostAnswer.For(400, "max file count exceeded", null).Body, Is.EqualTo("400 Bad Request\r\nFormPost: Max File Count Exceeded"));
        Assert.That(FormPostAnswer.For(413, "", null).Body, Is.EqualTo("413 Request Entity Too Large"));
    }

    [Test]
    public void Redirect_Is303WithStatusAndMessage()
    {
        var plain = FormPostAnswer.For(201, "", "http://x.example/done");
        var withQuery = FormPostAnswer.For(400, "no files to process", "http://x.example/done?a=1");

        Assert.That(plain.Status, Is.EqualTo(303));
        Assert.That(plain.Location, Is.EqualTo("http://x.example/done?status=201&message="));
        Assert.That(plain.Body, Is.EqualTo("<html><body><p><a href=\"http://x.example/done?status=201&message=\">Click to continue...</a></p></body></html>"));
        Assert.That(withQuery.Location, Is.EqualTo("http://x.example/done?a=1&status=400&message=no%20files%20to%20process"));
    }

    [TestCase("invalid signature", "Invalid Signature")]
    [TestCase("form expired", "Form Expired")]
    [TestCase("x_delete_at abc", "X_Delete_At Abc")]
    public void Title_IsPythons(string text, string expected)
    {
        Assert.That(FormPostAnswer.Title(text), Is.EqualTo(expected));
    }
}
