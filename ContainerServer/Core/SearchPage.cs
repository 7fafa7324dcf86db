namespace CloudFs.ContainerServer.Core;

/// <summary>
/// A search page being filled: it takes one hit more than the limit, so it knows whether a
/// next page exists; the marker is then the position of the last hit returned.
/// </summary>
internal sealed class SearchPage(int limit)
{
    private readonly List<SearchHit> _hits = [];

    public bool Full => _hits.Count > limit;

    /// <summary>How many more rows would fill the page (and show whether there is a next one).</summary>
    public int Wanted => limit + 1 - _hits.Count;

    public void Add(SearchHit hit)
    {
        if (!Full)
        {
            _hits.Add(hit);
        }
    }

    public SearchResult Result() => Full
        ? new SearchResult(_hits.Take(limit).ToList(), _hits[limit - 1].Position.Encode())
        : new SearchResult(_hits, null);
}
