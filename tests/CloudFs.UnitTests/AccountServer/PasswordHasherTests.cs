using CloudFs.AccountServer.Core;

namespace CloudFs.UnitTests.AccountServer;

public class PasswordHasherTests
{
    [Test]
    public void Verify_RightPassword_IsTrue()
    {
        var hash = PasswordHasher.Hash("testing", iterations: 1000);

        Assert.That(PasswordHasher.Verify("testing", hash), Is.True);
        Assert.That(hash, Does.Not.Contain("testing"));
    }

    [Test]
    public void Verify_WrongPassword_IsFalse() =>
        Assert.That(PasswordHasher.Verify("testinG", PasswordHasher.Hash("testing", iterations: 1000)), Is.False);

    [Test]
    public void Hash_SamePasswordTwice_IsSaltedDifferently() =>
        Assert.That(PasswordHasher.Hash("a", 1000), Is.Not.EqualTo(PasswordHasher.Hash("a", 1000)));

    [TestCase("")]
    [TestCase("plain")]
    [TestCase("pbkdf2-sha512$x$AAAA$AAAA")]
    [TestCase("pbkdf2-sha512$10$not base64$AAAA")]
    public void Verify_MalformedStoredHash_IsFalse(string stored) =>
        Assert.That(PasswordHasher.Verify("x", stored), Is.False);
}
