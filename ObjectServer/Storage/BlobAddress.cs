using System.Globalization;
using CloudFs.Common.Results;

namespace CloudFs.ObjectServer.Storage;

/// <summary>Where a blob lives: device, partition and id, all validated.</summary>
public sealed record BlobAddress(string Device, int Partition, BlobId Id)
{
    /// <summary>Validates the three URL segments; the error is a 400 for the client.</summary>
    public static CloudFsError? TryCreate(string device, string partition, string id, out BlobAddress? address)
    {
        address = null;
        if (!DeviceName.IsValid(device))
        {
            return CloudFsError.BadRequest("Invalid device name");
        }

        if (partition.Length is 0 or > 10 || partition.AsSpan().ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(partition, NumberStyles.None, CultureInfo.InvariantCulture, out var part))
        {
            return CloudFsError.BadRequest("Invalid partition");
        }

        if (!BlobId.TryParse(id, out var blobId))
        {
            return CloudFsError.BadRequest("Invalid blob id: expected a UUIDv7 as 32 lowercase hex digits");
        }

        address = new BlobAddress(device, part, blobId);
        return null;
    }

    public override string ToString() => $"{Device}/{Partition}/{Id}";
}
