using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace CloudFs.Ring;

/// <summary>
/// Reads and writes the runtime ring file: the 4-byte magic "CFRG", a little-endian ushort
/// format version, then a gzip stream (its CRC catches corruption) holding the part power,
/// replica count, devices and the replica → partition → device tables as ushort arrays.
/// </summary>
public static class RingFile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const ushort FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "CFRG"u8;

    /// <summary>Loads a ring file.</summary>
    /// <exception cref="InvalidDataException">When the file is not a ring file or is damaged.</exception>
    public static RingData Load(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return Read(fs);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Ring file {path} is truncated.", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Ring file {path}: {e.Message}", e);
        }
    }

    /// <summary>Writes a ring file atomically (temp file in the same directory, fsync, rename).</summary>
    public static void Save(RingData ring, string path)
    {
        ArgumentNullException.ThrowIfNull(ring);
        AtomicFile.Write(path, s => Write(ring, s));
    }

    /// <summary>Serialises a ring; the same ring always gives the same bytes.</summary>
    public static void Write(RingData ring, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(ring);
        stream.Write(Magic);
        stream.Write(BitConverter.GetBytes(FormatVersion).AsSpan()[..2]);
        using var gz = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write((byte)ring.PartPower);
        w.Write((byte)ring.ReplicaCount);
        w.Write(ring.Devices.Count);
        foreach (var d in ring.Devices)
        {
            w.Write(d.Id);
            w.Write(d.Region);
            w.Write(d.Zone);
            w.Write(d.Ip);
            w.Write(d.Port);
            w.Write(d.Device);
            w.Write(d.Weight);
            w.Write(d.Meta);
        }

        w.Flush();
        for (var r = 0; r < ring.ReplicaCount; r++)
        {
            WriteUShorts(gz, ring.GetReplicaTable(r));
        }
    }

    /// <summary>Reads a ring serialised by <see cref="Write"/>.</summary>
    public static RingData Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[6];
        stream.ReadExactly(header);
        if (!header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a CloudFs ring file (bad magic).");
        }

        var version = header[4] | (header[5] << 8);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported ring format version {version}; this build reads {FormatVersion}.");
        }

        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz, Encoding.UTF8, leaveOpen: true);
        int partPower = r.ReadByte();
        int replicas = r.ReadByte();
        var deviceCount = r.ReadInt32();
        if (partPower is < RingLimits.MinPartPower or > RingLimits.MaxPartPower
            || replicas is < 1 or > RingLimits.MaxReplicas
            || deviceCount is < 0 or > RingLimits.MaxDeviceId + 1)
        {
            throw new InvalidDataException("The ring header is out of range.");
        }

        var devices = new RingDevice[deviceCount];
        for (var i = 0; i < deviceCount; i++)
        {
            devices[i] = new RingDevice(
                Id: r.ReadInt32(), Region: r.ReadInt32(), Zone: r.ReadInt32(), Ip: r.ReadString(),
                Port: r.ReadInt32(), Device: r.ReadString(), Weight: r.ReadDouble(), Meta: r.ReadString());
        }

        var table = new ushort[replicas][];
        for (var i = 0; i < replicas; i++)
        {
            table[i] = ReadUShorts(gz, 1 << partPower);
        }

        // Reading to the end makes GZipStream verify the CRC and length trailer.
        if (gz.ReadByte() != -1)
        {
            throw new InvalidDataException("Trailing data after the replica tables.");
        }

        return RingData.FromOwnedTables(partPower, devices, table);
    }

    private static void WriteUShorts(Stream s, ReadOnlySpan<ushort> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            s.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        foreach (var v in values)
        {
            s.WriteByte((byte)v);
            s.WriteByte((byte)(v >> 8));
        }
    }

    private static ushort[] ReadUShorts(Stream s, int count)
    {
        var values = new ushort[count];
        s.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (ushort)((values[i] >> 8) | (values[i] << 8));
            }
        }

        return values;
    }
}
