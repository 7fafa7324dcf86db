using CloudFs.Common.Mime;

namespace CloudFs.UnitTests.Common.Mime;

public class ContentTypeGuesserTests
{
    // What Debian's /usr/bin/python3 answered on this machine for mimetypes.guess_type(name)[0]
    // (Python 3.11 over /etc/mime.types from Debian's media-types), which Swift's proxy uses.
    [TestCase("a.wav", "audio/x-wav")]
    [TestCase("a.zip", "application/zip")]
    [TestCase("a.txt", "text/plain")]
    [TestCase("a.json", "application/json")]
    [TestCase("a.mp4", "video/mp4")]
    [TestCase("a.tar.gz", "application/x-tar")]
    [TestCase("a.tgz", "application/x-tar")]
    [TestCase("b.TXT", "text/plain")]
    [TestCase("c.JPG", "image/jpeg")]
    [TestCase("d.jpeg", "image/jpeg")]
    [TestCase("e.png", "image/png")]
    [TestCase("f.html", "text/html")]
    [TestCase("g.htm", "text/html")]
    [TestCase("h.css", "text/css")]
    [TestCase("i.js", "text/javascript")]
    [TestCase("j.mjs", "text/javascript")]
    [TestCase("k.pdf", "application/pdf")]
    [TestCase("l.svg", "image/svg+xml")]
    [TestCase("m.svgz", "image/svg+xml")]
    [TestCase("n.mp3", "audio/mpeg")]
    [TestCase("o.ogg", "audio/ogg")]
    [TestCase("p.webm", "video/webm")]
    [TestCase("q.xml", "application/xml")]
    [TestCase("r.csv", "text/csv")]
    [TestCase("s.md", "text/markdown")]
    [TestCase("t.py", "text/x-python")]
    [TestCase("u.c", "text/x-csrc")]
    [TestCase("v.exe", "application/x-msdos-program")]
    [TestCase("w.bin", "application/octet-stream")]
    [TestCase("x.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [TestCase("y.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [TestCase("z.gz", null)]
    [TestCase("aa.Z", null)]
    [TestCase("ab.tar.bz2", "application/x-tar")]
    [TestCase("ac.txz", "application/x-tar")]
    [TestCase("ad.7z", "application/x-7z-compressed")]
    [TestCase("ae.iso", "application/x-iso9660-image")]
    [TestCase("af.deb", "application/vnd.debian.binary-package")]
    [TestCase("ag.rpm", "application/x-redhat-package-manager")]
    [TestCase("ah.woff2", "font/woff2")]
    [TestCase("ai.ico", "image/vnd.microsoft.icon")]
    [TestCase("aj.tiff", "image/tiff")]
    [TestCase(".bashrc", null)]
    [TestCase("dir.d/noext", null)]
    [TestCase("a/b.c/d", null)]
    [TestCase("..x", null)]
    [TestCase("...", null)]
    [TestCase("x.", null)]
    [TestCase("a.b.TXT.gz", "text/plain")]
    [TestCase("photo.HEIC", "image/heic")]
    [TestCase("a.wasm", "application/wasm")]
    [TestCase("a.yaml", null)]
    [TestCase("a.avif", "image/avif")]
    public void Guess_SystemTable_AnswersAsPythonMimetypes(string name, string? expected) =>
        Assert.That(ContentTypeGuesser.System.Guess(name), Is.EqualTo(expected));

    [Test]
    public void Guess_MimeTypesFile_LaterLinesWinAndCommentsEndALine()
    {
        var guesser = new ContentTypeGuesser(["# a comment wav\nx/first foo\nx/second foo bar # baz\n"]);

        Assert.That(guesser.Guess("a.foo"), Is.EqualTo("x/second"));
        Assert.That(guesser.Guess("a.bar"), Is.EqualTo("x/second"));
        Assert.That(guesser.Guess("a.baz"), Is.Null);
    }

    [Test]
    public void Guess_NoFiles_PythonDefaultsOnly() =>
        Assert.That(new ContentTypeGuesser([]).Guess("a.wav"), Is.EqualTo("audio/x-wav"));
}
