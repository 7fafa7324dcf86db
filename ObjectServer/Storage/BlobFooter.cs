using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// The 64 bytes appended to every .data file after the body: magic, body size, MD5 and
/// timestamp, then 8 bytes of MD5 over the rest as a self-check. Keeping them in the same
/// file means one rename publishes body and metadata together; no sidecar can go missing.
/// Layout (little endian): magic[8] "CFSBLOB1" | size i64 | md5[16] | timestamp ticks i64 |
/// body XxHash128[16] (all zero: none, as in blobs written before it) | check[8].
/// </summary>
public static class BlobFooter
{
    public const int Size = 64;

    private static ReadOnlySpan<byte> Magic => "CFSBLOB1"u8;

    public static byte[] Encode(long size, ReadOnlySpan<byte> md5, DateTimeOffset timestamp, UInt128? bodyChecksum = null)
    {
        var footer = new byte[Size];
        Magic.CopyTo(footer);
        BinaryPrimitives.WriteInt64LittleEndian(footer.AsSpan(8), size);
        md5.CopyTo(footer.AsSpan(16, 16));
        BinaryPrimitives.WriteInt64LittleEndian(footer.AsSpan(32), timestamp.UtcTicks);
        BinaryPrimitives.WriteUInt128LittleEndian(footer.AsSpan(40), bodyChecksum ?? UInt128.Zero);
        Check(footer).CopyTo(footer.AsSpan(56));
        return footer;
    }

    /// <summary>Decodes a footer read from the end of a file of <paramref name="fileLength"/> bytes.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> footer, long fileLength, BlobId id, out BlobInfo? info)
    {
        info = null;
        if (footer.Length != Size || !footer[..8].SequenceEqual(Magic) || !footer[56..].SequenceEqual(Check(footer)))
        {
            return false;
        }

        var size = BinaryPrimitives.ReadInt64LittleEndian(footer[8..]);
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(footer[32..]);
        if (size != fileLength - Size || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        // A body whose XxHash128 really is zero is verified by MD5 instead: still correct.
        var checksum = BinaryPrimitives.ReadUInt128LittleEndian(footer[40..]);
        info = new BlobInfo(id, size, Convert.ToHexStringLower(footer.Slice(16, 16)), new DateTimeOffset(ticks, TimeSpan.Zero),
            checksum == UInt128.Zero ? null : checksum);
        return true;
    }

    private static byte[] Check(ReadOnlySpan<byte> footer) => MD5.HashData(footer[..56])[..8];
}
