using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CloudFs.Ring;

/// <summary>
/// Swift's hash_path: MD5(prefix + "/" + account [+ "/" + container [+ "/" + object]] + suffix).
/// Empty or null trailing parts are left out, as Swift does.
/// </summary>
public sealed class PathHasher
{
    // Keys up to this many UTF-8 bytes are hashed from the stack; longer ones rent a buffer.
    private const int StackLimit = 512;
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;

    /// <summary>Creates a hasher for one cluster secret.</summary>
    public PathHasher(HashPathOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _prefix = Encoding.UTF8.GetBytes(options.Prefix ?? string.Empty);
        _suffix = Encoding.UTF8.GetBytes(options.Suffix ?? string.Empty);
    }

    /// <summary>Writes the 16-byte MD5 digest of the path into <paramref name="digest"/>.</summary>
    public void Hash(string account, string? container, string? obj, Span<byte> digest)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        if (digest.Length < MD5.HashSizeInBytes)
        {
            throw new ArgumentException("The digest needs 16 bytes.", nameof(digest));
        }

        var hasContainer = !string.IsNullOrEmpty(container);
        var hasObject = !string.IsNullOrEmpty(obj);
        if (hasObject && !hasContainer)
        {
            throw new ArgumentException("An object needs a container.", nameof(container));
        }

        var max = _prefix.Length + _suffix.Length + 3
            + Encoding.UTF8.GetMaxByteCount(account.Length + (container?.Length ?? 0) + (obj?.Length ?? 0));
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = 0;
            _prefix.CopyTo(buffer);
            n += _prefix.Length;
            n += Append(buffer[n..], account);
            if (hasContainer)
            {
                n += Append(buffer[n..], container!);
            }

            if (hasObject)
            {
                n += Append(buffer[n..], obj!);
            }

            _suffix.CopyTo(buffer[n..]);
            n += _suffix.Length;
            MD5.HashData(buffer[..n], digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The top 32 bits (big endian) of the digest: the value a ring shifts into a partition.</summary>
    public uint HashTop32(string account, string? container = null, string? obj = null)
    {
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        Hash(account, container, obj, digest);
        return BinaryPrimitives.ReadUInt32BigEndian(digest);
    }

    /// <summary>The digest as 32 lowercase hex characters (Swift names object directories by it).</summary>
    public string HashHex(string account, string? container = null, string? obj = null)
    {
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        Hash(account, container, obj, digest);
        return Convert.ToHexStringLower(digest);
    }

    private static int Append(Span<byte> destination, string part)
    {
        destination[0] = (byte)'/';
        return 1 + Encoding.UTF8.GetBytes(part, destination[1..]);
    }
}
