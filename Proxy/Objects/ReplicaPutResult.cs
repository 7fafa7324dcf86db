using CloudFs.Common.Results;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// The outcome of streaming one body to every replica. The proxy does not hash the body itself:
/// each object server computes the MD5 of what it received (and checks the client's ETag when
/// one was sent), so the body's MD5 is the ETag the storing replicas agree on, as in Swift's
/// replicated PUT. Hashing it a second time in the proxy cost about 40 % of its PUT CPU.
/// </summary>
public sealed record ReplicaPutResult(long Bytes, IReadOnlyList<ReplicaAnswer> Answers, CloudFsError? Error)
{
    /// <summary>The ETag most storing replicas (201, or 202 for an identical retry) answered; empty when none stored.</summary>
    public string Md5 { get; } = AgreedEtag(Answers);

    /// <summary>
    /// Replicas that stored the body under the agreed ETag. One that answered another ETag got
    /// different bytes (damaged on the way) and does not count.
    /// </summary>
    public int Durable => Answers.Count(a => Stored(a) && string.Equals(a.Etag, Md5, StringComparison.Ordinal));

    /// <summary>True when storing replicas answered more than one ETag.</summary>
    public bool EtagsDisagree => Answers.Where(Stored).Select(a => a.Etag).Distinct(StringComparer.Ordinal).Skip(1).Any();

    private static bool Stored(ReplicaAnswer answer) => answer.Status is 201 or 202 && !string.IsNullOrEmpty(answer.Etag);

    // The most common ETag; a tie goes to the ordinally smaller one so the choice is stable
    // (a tie never reaches a quorum, which is a majority, so it cannot make a PUT succeed).
    private static string AgreedEtag(IReadOnlyList<ReplicaAnswer> answers) =>
        answers.Where(Stored)
            .GroupBy(a => a.Etag!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? "";
}
