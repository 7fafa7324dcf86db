using CloudFs.Common.Results;

namespace CloudFs.Proxy.Objects;

/// <summary>The outcome of streaming one body to every replica.</summary>
public sealed record ReplicaPutResult(string Md5, long Bytes, IReadOnlyList<ReplicaAnswer> Answers, CloudFsError? Error)
{
    /// <summary>Replicas that stored exactly the body the proxy read (201, or 202 for an identical retry).</summary>
    public int Durable => Answers.Count(a => a.Status is 201 or 202 && string.Equals(a.Etag, Md5, StringComparison.OrdinalIgnoreCase));
}
