using System.Globalization;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;

namespace CloudFs.ObjectServer.Storage;

/// <summary>Where a blob lives: device, partition, id and storage policy (0 unless named), all validated.</summary>
public sealed record BlobAddress(string Device, int Partition, BlobId Id, int Policy = 0)
{
    /// <summary>
    /// Validates the three URL segments and the X-Backend-Storage-Policy-Index header; the error
    /// is a 400 for the client, or a 503 for a policy this server does not know (as Swift's).
    /// </summary>
    public static CloudFsError? TryCreate(string device, string partition, string id, string? policyHeader, StoragePolicyTable policies,
        out BlobAddress? address)
    {
        ArgumentNullException.ThrowIfNull(policies);
        address = null;
        var policy = 0;
        if (!string.IsNullOrEmpty(policyHeader))
        {
            if (!int.TryParse(policyHeader, NumberStyles.None, CultureInfo.InvariantCulture, out policy))
            {
                return CloudFsError.BadRequest($"Invalid X-Backend-Storage-Policy-Index '{policyHeader}'");
            }

            if (policies.ByIndex(policy) is null)
            {
                return new CloudFsError(CloudFsErrorKind.ServiceUnavailable, $"No policy with index {policy}");
            }
        }

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

        address = new BlobAddress(device, part, blobId, policy);
        return null;
    }

    public override string ToString() => $"{Device}/{Partition}/{Id}";
}
