using System.Globalization;
using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary>
/// The non-file fields of a form POST seen so far (names lower-cased, the last value wins) and
/// Swift's rules over them: limits, expiry, X-Delete-*, and the signature, an HMAC of
/// <c>path\nredirect\nmax_file_size\nmax_file_count\nexpires</c> with a Temp-URL-Key.
/// </summary>
public sealed class FormAttributes
{
    /// <summary>Bytes of a field value Swift keeps; the rest is read and dropped.</summary>
    public const int MaxValueLength = 4096;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public void Set(string name, string value) => _values[name.ToLowerInvariant()] = value.TrimEnd('\r', '\n', '-');

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Redirect => Get("redirect") is { Length: > 0 } r ? r : null;

    /// <summary>May file number <paramref name="count"/> (from 1) be stored?</summary>
    public bool AllowsFile(int count) => count <= Integer("max_file_count", "max_file_count not an integer");

    public long MaxFileSize => Integer("max_file_size", "max_file_size not an integer");

    /// <summary>X-Delete-At / X-Delete-After headers for each stored file, from x_delete_at / x_delete_after.</summary>
    public List<KeyValuePair<string, string>> DeleteHeaders()
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (Has("x_delete_at"))
        {
            headers.Add(new("X-Delete-At", Strict("x_delete_at", "x_delete_at not an integer: Unix timestamp required.")));
        }

        if (Has("x_delete_after"))
        {
            headers.Add(new("X-Delete-After", Strict("x_delete_after", "x_delete_after not an integer: Number of seconds required.")));
        }

        return headers;
    }

    /// <summary>Throws Swift's failure unless the form is unexpired and signed with one of <paramref name="keys"/>.</summary>
    public void Verify(string path, IReadOnlyList<string> keys, IReadOnlyList<string> allowedDigests, long now)
    {
        if (keys.Count == 0)
        {
            throw FormPostFailure.Denied("invalid signature");
        }

        if (Integer("expires", "expired not an integer") < now)
        {
            throw FormPostFailure.Denied("form expired");
        }

        if (TempUrlSignature.Parse(Get("signature") ?? "") is not { } sig || !allowedDigests.Contains(sig.Digest))
        {
            throw FormPostFailure.Denied("invalid signature");
        }

        var message = System.Text.Encoding.UTF8.GetBytes(SignedText(path));
        if (!keys.Any(k => TempUrlSignature.FixedTimeEquals(TempUrlSignature.Hmac(message, System.Text.Encoding.UTF8.GetBytes(k), sig.Digest), sig.Hex)))
        {
            throw FormPostFailure.Denied("invalid signature");
        }
    }

    /// <summary>What the signature covers, as Swift writes it.</summary>
    public string SignedText(string path) =>
        $"{path}\n{Get("redirect") ?? ""}\n{Or0("max_file_size")}\n{Or0("max_file_count")}\n{Or0("expires")}";

    private string Or0(string name) => Get(name) is { Length: > 0 } v ? v : "0";

    // Python's int(value or 0).
    private long Integer(string name, string error) =>
        Get(name) is { Length: > 0 } v ? Parse(v) ?? throw FormPostFailure.Invalid(error) : 0;

    private string Strict(string name, string error) =>
        (Parse(Get(name) ?? "") ?? throw FormPostFailure.Invalid(error)).ToString(CultureInfo.InvariantCulture);

    private static long? Parse(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var n) ? n : null;
}
