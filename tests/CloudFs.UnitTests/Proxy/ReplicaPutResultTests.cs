using CloudFs.Proxy.Objects;
using CloudFs.Ring;

namespace CloudFs.UnitTests.Proxy;

/// <summary>The body's MD5 taken from the replicas' answers, and which replicas count as durable.</summary>
public class ReplicaPutResultTests
{
    private const string Good = "5d41402abc4b2a76b9719d911017c592";
    private const string Damaged = "0cc175b9c0f1b6a831c399e269772661";

    [Test]
    public void AllReplicasAgree_Md5IsTheirEtagAndAllAreDurable()
    {
        var result = Result((201, Good), (201, Good), (202, Good));

        Assert.That(result.Md5, Is.EqualTo(Good));
        Assert.That(result.Durable, Is.EqualTo(3));
        Assert.That(result.EtagsDisagree, Is.False);
    }

    [Test]
    public void OneReplicaAnswersAnotherEtag_MajorityWinsAndTheOtherDoesNotCount()
    {
        var result = Result((201, Damaged), (201, Good), (201, Good));

        Assert.That(result.Md5, Is.EqualTo(Good));
        Assert.That(result.Durable, Is.EqualTo(2));
        Assert.That(result.EtagsDisagree, Is.True);
    }

    [Test]
    public void FailedAnswersAndMissingEtags_AreNeitherVotesNorDurable()
    {
        var result = Result((507, Damaged), (0, null), (201, null), (201, Good));

        Assert.That(result.Md5, Is.EqualTo(Good));
        Assert.That(result.Durable, Is.EqualTo(1));
        Assert.That(result.EtagsDisagree, Is.False);
    }

    [Test]
    public void NoReplicaStored_Md5IsEmptyAndNothingIsDurable()
    {
        var result = Result((507, null), (422, null), (0, null));

        Assert.That(result.Md5, Is.Empty);
        Assert.That(result.Durable, Is.Zero);
    }

    [Test]
    public void TieBetweenTwoEtags_ChoiceIsStableAndOnlyOneSideCounts()
    {
        var first = Result((201, Good), (201, Damaged));
        var second = Result((201, Damaged), (201, Good));

        Assert.That(first.Md5, Is.EqualTo(second.Md5));
        Assert.That(first.Durable, Is.EqualTo(1));
        Assert.That(first.EtagsDisagree, Is.True);
    }

    [Test]
    public void ErrorWithoutAnswers_Md5IsEmpty()
    {
        var result = new ReplicaPutResult(10, [], new CloudFs.Common.Results.CloudFsError(CloudFs.Common.Results.CloudFsErrorKind.ClientClosedRequest));

        Assert.That(result.Md5, Is.Empty);
        Assert.That(result.Durable, Is.Zero);
    }

    private static ReplicaPutResult Result(params (int Status, string? Etag)[] answers) =>
        new(5, answers.Select((a, i) => new ReplicaAnswer(new RingDevice(i, 1, 1, "127.0.0.1", 7013, $"d{i}", 100), a.Status, a.Etag)).ToList(), null);
}
