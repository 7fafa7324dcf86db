using System.Security.Cryptography;
using System.Text;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>A DLO's segments in listing order, with the size and ETag the DLO answers with.</summary>
public sealed class DloSegmentList(IReadOnlyList<DloSegment> segments)
{
    public IReadOnlyList<DloSegment> Segments { get; } = segments;

    /// <summary>The body's length: every segment's size added up.</summary>
    public long Total { get; } = segments.Sum(s => s.Bytes);

    /// <summary>
    /// Swift's DLO ETag (unquoted): the MD5 of the segments' ETags, quotes dropped, written one
    /// after the other; the MD5 of nothing for no segments.
    /// </summary>
    public string Etag
    {
        get
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            foreach (var segment in Segments)
            {
                md5.AppendData(Encoding.UTF8.GetBytes(segment.Hash.Trim('"')));
            }

            return Convert.ToHexStringLower(md5.GetHashAndReset());
        }
    }
}
