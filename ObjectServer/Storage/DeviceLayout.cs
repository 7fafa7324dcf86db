using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Every path the object server uses on a device:
/// <c>{root}/{device}/blobs/{partition}/{suffix}/{id}.data|.ts</c>, <c>{device}/tmp/</c> and
/// <c>{device}/quarantined/blobs/</c>. The suffix is the last three hex digits of MD5(id), so a
/// partition has at most 4096 suffix directories and each stays small (Swift's suffix dirs).
/// Storage policy N keeps its blobs apart in <c>blobs-N</c> (and <c>quarantined/blobs-N</c>), as
/// Swift keeps <c>objects-N</c>: partitions of different object rings never mix.
/// </summary>
public sealed class DeviceLayout(string devicesRoot)
{
    public const string DataExtension = ".data";
    public const string TombstoneExtension = ".ts";

    public string Root { get; } = Path.GetFullPath(devicesRoot);

    public string Device(string device) => Path.Combine(Root, device);

    public string TempDir(string device) => Path.Combine(Root, device, "tmp");

    public string QuarantineDir(string device, int policy = 0) => Path.Combine(Root, device, "quarantined", BlobsDirName(policy));

    public string BlobsDir(string device, int policy = 0) => Path.Combine(Root, device, BlobsDirName(policy));

    public string PartitionDir(string device, int partition, int policy = 0) =>
        Path.Combine(Root, device, BlobsDirName(policy), partition.ToString(CultureInfo.InvariantCulture));

    public string SuffixDir(BlobAddress address) =>
        Path.Combine(PartitionDir(address.Device, address.Partition, address.Policy), Suffix(address.Id));

    /// <summary>"blobs" for policy 0, "blobs-N" for policy N.</summary>
    public static string BlobsDirName(int policy) =>
        policy == 0 ? "blobs" : "blobs-" + policy.ToString(CultureInfo.InvariantCulture);

    public string DataPath(BlobAddress address) => Path.Combine(SuffixDir(address), address.Id.Value + DataExtension);

    public string TombstonePath(BlobAddress address) => Path.Combine(SuffixDir(address), address.Id.Value + TombstoneExtension);

    public static string Suffix(BlobId id)
    {
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(Encoding.ASCII.GetBytes(id.Value), hash);
        return Convert.ToHexStringLower(hash)[^3..];
    }
}
