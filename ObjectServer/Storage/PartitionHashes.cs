using System.Security.Cryptography;
using System.Text;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Swift-style suffix hashes: per suffix directory, the MD5 of its sorted entry names
/// (<c>{id}.data</c> / <c>{id}.ts</c>). Blobs are immutable, so names alone describe a suffix's
/// state; two replicas compare these few thousand hashes and only list suffixes that differ.
/// </summary>
public static class PartitionHashes
{
    public static IReadOnlyDictionary<string, string> Compute(IEnumerable<PartitionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries
            .GroupBy(e => e.Suffix, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Hash(g), StringComparer.Ordinal);
    }

    private static string Hash(IEnumerable<PartitionEntry> suffix)
    {
        var names = suffix
            .Select(e => e.Id.Value + (e.Kind == PartitionEntryKind.Blob ? DeviceLayout.DataExtension : DeviceLayout.TombstoneExtension))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(string.Join('\n', names))));
    }
}
