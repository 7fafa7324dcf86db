namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// A blob's id: a UUIDv7 written as 32 lowercase hex digits without dashes, as the proxy makes
/// them. Checking the version and variant nibbles catches ids that were never ours.
/// </summary>
public readonly record struct BlobId
{
    public const int Length = 32;

    private BlobId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out BlobId id)
    {
        id = default;
        if (text is not { Length: Length } || text.AsSpan().ContainsAnyExcept("0123456789abcdef"))
        {
            return false;
        }

        // Version nibble 7, RFC 9562 variant (10xx).
        if (text[12] != '7' || text[16] is not ('8' or '9' or 'a' or 'b'))
        {
            return false;
        }

        id = new BlobId(text);
        return true;
    }

    public override string ToString() => Value;
}
