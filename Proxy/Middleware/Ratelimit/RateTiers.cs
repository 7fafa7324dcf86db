namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>
/// Swift's container rate tiers (<c>interpret_conf_limits</c>, <c>get_maxrate</c>): from a
/// tier's size the rate runs in a straight line to the next tier's rate; past the last tier it
/// stays. An empty container (size 0) and one smaller than the first tier are not limited.
/// </summary>
public sealed class RateTiers
{
    private readonly List<(long Size, double Rate)> _tiers;

    public RateTiers(IReadOnlyDictionary<long, double> tiers) =>
        _tiers = tiers.Select(t => (t.Key, t.Value)).OrderBy(t => t.Key).ToList();

    /// <summary>Requests per second allowed for a container of <paramref name="size"/> objects; null: no limit.</summary>
    public double? MaxRate(long size)
    {
        if (size == 0)
        {
            return null;
        }

        var index = -1;
        for (var i = 0; i < _tiers.Count && size >= _tiers[i].Size; i++)
        {
            index = i;
        }

        if (index < 0)
        {
            return null;
        }

        var (from, rate) = _tiers[index];
        if (index == _tiers.Count - 1)
        {
            return rate;
        }

        var (to, nextRate) = _tiers[index + 1];
        return ((size - from) * (nextRate - rate) / (to - from)) + rate;
    }

    /// <summary>The tiers as Swift's /info lists them: [[size, rate], ...].</summary>
    public IReadOnlyList<(long Size, double Rate)> Tiers => _tiers;
}
