using CloudFs.Common.Ranges;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// Which Range a DLO honours, as Swift's dlo middleware decides: only a header naming exactly
/// one range; one naming several (even if only one of them is satisfiable) gets the whole body
/// with 200, as does a malformed one.
/// </summary>
public static class DloRange
{
    public static RangeRequest Decide(string? header, long total)
    {
        var parsed = RangeHeaderParser.Parse(header, total);
        if (parsed.Outcome == RangeOutcome.Full)
        {
            return parsed;
        }

        // The parser only yields Partial/Unsatisfiable for a well-formed "bytes=" header, so
        // counting its commas counts the ranges it names.
        return header!.Contains(',', StringComparison.Ordinal) ? RangeRequest.Full : parsed;
    }
}
