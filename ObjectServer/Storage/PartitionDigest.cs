using System.Security.Cryptography;
using System.Text;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// One hash for a whole partition: MD5 over its sorted suffix hashes. A replicator fetches every
/// partition's digest of a peer device in one call and only compares suffixes (and lists files)
/// where the digests differ, so an idle pass costs one request per peer device, not per partition.
/// </summary>
public static class PartitionDigest
{
    public static string Compute(IReadOnlyDictionary<string, string> suffixHashes)
    {
        ArgumentNullException.ThrowIfNull(suffixHashes);
        var lines = suffixHashes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + " " + s.Value);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(string.Join('\n', lines))));
    }
}
