using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>Quota limits a request sets: a number sets it, an empty value clears it, absence keeps it.</summary>
public sealed record QuotaHeaders(QuotaValue Bytes, QuotaValue Count)
{
    public static readonly QuotaHeaders None = new(QuotaValue.Keep, QuotaValue.Keep);

    public bool IsPresent => Bytes.Kind != QuotaValueKind.Keep || Count.Kind != QuotaValueKind.Keep;

    public static Outcome<QuotaHeaders> Parse(string? bytes, string? count)
    {
        var b = QuotaValue.Parse(bytes);
        var c = QuotaValue.Parse(count);
        if (b is null)
        {
            return CloudFsError.BadRequest("Invalid bytes quota.");
        }

        return c is null ? CloudFsError.BadRequest("Invalid count quota.") : new QuotaHeaders(b, c);
    }
}

public enum QuotaValueKind
{
    Keep,
    Set,
    Clear,
}

/// <summary>One quota header's instruction.</summary>
public sealed record QuotaValue(QuotaValueKind Kind, long Value = 0)
{
    public static readonly QuotaValue Keep = new(QuotaValueKind.Keep);

    /// <summary>Null when the header holds something other than a non-negative integer.</summary>
    public static QuotaValue? Parse(string? header) => header switch
    {
        null => Keep,
        "" => new QuotaValue(QuotaValueKind.Clear),
        _ when long.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) => new QuotaValue(QuotaValueKind.Set, v),
        _ => null,
    };

    public long? Apply(long? current) => Kind switch
    {
        QuotaValueKind.Set => Value,
        QuotaValueKind.Clear => null,
        _ => current,
    };
}
