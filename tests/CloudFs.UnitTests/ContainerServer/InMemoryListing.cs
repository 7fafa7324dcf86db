using System.Text;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

/// <summary>
/// A sorted in-memory name list answering keyset range queries, ordered by the UTF-8
/// bytes of each name (independently of Utf8Order), counting the queries it answers.
/// </summary>
internal sealed class InMemoryListing
{
    private readonly List<string> _names;

    public InMemoryListing(IEnumerable<string> names)
    {
        _names = names.Distinct().ToList();
        _names.Sort(ByBytes);
    }

    public int Queries { get; private set; }

    public static int ByBytes(string? a, string? b) =>
        Encoding.UTF8.GetBytes(a ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b ?? ""));

    public Task<IReadOnlyList<ListingItem>> FetchAsync(ListingRange range, CancellationToken ct)
    {
        Queries++;
        var rows = _names.Where(n =>
            (range.Lower is null || (range.LowerInclusive ? ByBytes(n, range.Lower) >= 0 : ByBytes(n, range.Lower) > 0))
            && (range.Upper is null || ByBytes(n, range.Upper) < 0));
        if (range.Reverse)
        {
            rows = rows.Reverse();
        }

        return Task.FromResult<IReadOnlyList<ListingItem>>(rows.Take(range.Limit).Select(n => new ListingItem(n)).ToList());
    }
}
