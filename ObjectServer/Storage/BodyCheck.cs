using System.IO.Hashing;
using System.Security.Cryptography;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// The hash a verified read computes over a blob's body and compares with its footer: MD5 (the
/// ETag itself, which the auditor and replication check), or the footer's XxHash128 when there is
/// one, which finds the same damage at a small fraction of MD5's CPU (a whole-body GET used to
/// spend most of the object server's CPU in MD5).
/// </summary>
public sealed class BodyCheck : IDisposable
{
    private readonly IncrementalHash? _md5;
    private readonly XxHash128? _fast;
    private readonly BlobInfo _info;

    private BodyCheck(BlobInfo info, bool fast)
    {
        _info = info;
        if (fast)
        {
            _fast = new XxHash128();
        }
        else
        {
            _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        }
    }

    /// <summary>True when this check is the footer's XxHash128 rather than MD5.</summary>
    public bool IsFast => _fast is not null;

    /// <summary>Checks the body against its MD5.</summary>
    public static BodyCheck Md5(BlobInfo info) => new(info, fast: false);

    /// <summary>Checks the body against its XxHash128 when the footer has one, else its MD5.</summary>
    public static BodyCheck Cheapest(BlobInfo info) => new(info, fast: info.BodyChecksum is not null);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_fast is not null)
        {
            _fast.Append(data);
        }
        else
        {
            _md5!.AppendData(data);
        }
    }

    /// <summary>True when the bytes appended are the body the footer describes.</summary>
    public bool Matches() => _fast is not null
        ? _fast.GetCurrentHashAsUInt128() == _info.BodyChecksum
        : _md5!.GetHashAndReset().AsSpan().SequenceEqual(Convert.FromHexString(_info.Md5Hex));

    public void Dispose() => _md5?.Dispose();
}
