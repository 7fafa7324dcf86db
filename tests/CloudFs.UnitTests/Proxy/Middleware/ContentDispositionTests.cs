using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.UnitTests.Proxy.Middleware;

/// <summary>Expected values are what Swift 2.30.1 answered for the same temp URLs.</summary>
public class ContentDispositionTests
{
    [Test]
    public void Choose_Default_IsAttachmentNamedAfterTheObject()
    {
        Assert.That(ContentDisposition.Choose(false, null, null, "dir/a b.txt"), Is.EqualTo("attachment; filename=\"a b.txt\"; filename*=UTF-8''a%20b.txt"));
    }

    [Test]
    public void Choose_Filename_WinsOverTheObjectsOwn()
    {
        Assert.That(ContentDisposition.Choose(false, "my file.txt", "inline", "o.txt"), Is.EqualTo("attachment; filename=\"my file.txt\"; filename*=UTF-8''my%20file.txt"));
    }

    [Test]
    public void Choose_InlineWithoutFilename_IsBareInline()
    {
        Assert.That(ContentDisposition.Choose(true, null, null, "o.txt"), Is.EqualTo("inline"));
        Assert.That(ContentDisposition.Choose(true, "ü.txt", null, "o.txt"), Is.EqualTo("inline; filename=\"%C3%BC.txt\"; filename*=UTF-8''%C3%BC.txt"));
    }

    [Test]
    public void Choose_ObjectsOwnDisposition_IsKeptWithoutQueryOverrides()
    {
        Assert.That(ContentDisposition.Choose(false, null, "attachment; filename=x", "o.txt"), Is.EqualTo("attachment; filename=x"));
    }
}
