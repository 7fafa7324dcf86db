using CloudFs.Proxy.Routing;

namespace CloudFs.UnitTests.Proxy;

public class QuorumTests
{
    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 2)]
    [TestCase(4, 3)]
    [TestCase(5, 3)]
    [TestCase(6, 4)]
    public void Size_Replicas_IsMajority(int replicas, int expected) => Assert.That(Quorum.Size(replicas), Is.EqualTo(expected));

    [Test]
    public void IsMet_TwoOfThree_True_OneOfThree_False()
    {
        Assert.That(Quorum.IsMet(2, 3), Is.True);
        Assert.That(Quorum.IsMet(1, 3), Is.False);
    }

    [Test]
    public void IsReachable_OneFailedOfThree_StillReachable_TwoFailed_Not()
    {
        Assert.That(Quorum.IsReachable(0, 2, 3), Is.True);
        Assert.That(Quorum.IsReachable(0, 1, 3), Is.False);
    }
}
