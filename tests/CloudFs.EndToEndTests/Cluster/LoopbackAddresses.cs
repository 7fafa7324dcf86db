namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// Hands each test cluster its own loopback "host" (127.0.0.2, 127.0.0.3, ...), so clusters
/// use the real ports 7010-7013 without clashing with each other or a developer's cluster
/// on 127.0.0.1.
/// </summary>
public static class LoopbackAddresses
{
    private static int _next = 1;

    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return $"127.0.{n / 250}.{(n % 250) + 1}";
    }
}
