using System.Diagnostics;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// Failed logins through the proxy are rate-limited per user and per client address, and a login of a
/// user that does not exist costs what a wrong key for a real one costs (the password hash runs
/// either way), on clusters of real processes with the default PBKDF2 cost.
/// </summary>
[Category("E2E")]
public class LoginThrottleTests
{
    private const int KnownUsers = 8;

    [Test]
    public async Task FailedLoginBurst_IsThrottledPerUser_AndPerClient_With429AndRetryAfter()
    {
        await using var cluster = new CloudFsCluster();
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_Proxy__LoginRateLimit__PerUserBurst"] = "3",
            ["CLOUDFS_Proxy__LoginRateLimit__PerUserPerMinute"] = "1",
            ["CLOUDFS_Proxy__LoginRateLimit__PerClientBurst"] = "8",
            ["CLOUDFS_Proxy__LoginRateLimit__PerClientPerMinute"] = "1",
        });

        // Successful logins cost nothing.
        for (var i = 0; i < 6; i++)
        {
            using var ok = await LoginAsync(cluster, "test:tester", "testing");
            Assert.That((int)ok.StatusCode, Is.EqualTo(200), $"login {i + 1}");
        }

        // Three wrong keys empty the user's bucket: then even the right key waits.
        var tester = new List<int>();
        foreach (var key in new[] { "wrong", "wrong", "wrong", "testing" })
        {
            tester.Add((int)(await LoginAsync(cluster, "test:tester", key)).StatusCode);
        }

        Assert.That(tester, Is.EqualTo(new[] { 401, 401, 401, 429 }));
        using (var throttled = await LoginAsync(cluster, "test:tester", "testing"))
        {
            Assert.That((int)throttled.StatusCode, Is.EqualTo(429));
            Assert.That(int.Parse(throttled.Headers.GetValues("Retry-After").Single()), Is.InRange(1, 60));
            Assert.That(await throttled.Content.ReadAsStringAsync(), Is.EqualTo("Too many failed logins; try again later."));
            Assert.That(throttled.Headers.Contains("X-Auth-Token"), Is.False);
        }

        // Guesses at other users from the same address: each user is new, but the client's
        // bucket (8, three taken above) allows five more failures.
        var others = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            others.Add((int)(await LoginAsync(cluster, $"guess:user{i}", "x")).StatusCode);
        }

        Assert.That(others, Is.EqualTo(new[] { 401, 401, 401, 401, 401, 429, 429 }));

        // Everything else is not limited.
        using var info = await cluster.Http.GetAsync(cluster.Url("proxy", "/info"));
        Assert.That((int)info.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task UnknownUser_TakesAsLongAsAWrongKey()
    {
        var users = Enumerable.Range(0, KnownUsers).Select(i => ($"timing:k{i}", "right-key", "member"));
        await using var cluster = new CloudFsCluster(extraUsers: users);
        await cluster.StartAsync();

        // Alternating, so load on the machine falls on both sides alike; each user once (no user limit).
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < KnownUsers; i++)
        {
            known.Add(await TimedLoginAsync(cluster, $"timing:k{i}", "wrong-key"));
            unknown.Add(await TimedLoginAsync(cluster, $"timing:nobody{i}", "wrong-key"));
        }

        var knownMedian = Median(known);
        var unknownMedian = Median(unknown);
        TestContext.Out.WriteLine($"login 401 median: known user {knownMedian:0.0} ms, unknown user {unknownMedian:0.0} ms");

        // With the hash skipped an unknown user answered in about a millisecond against tens to
        // hundreds for the 210,000-iteration PBKDF2; a factor of three either way is noise.
        Assert.That(unknownMedian, Is.GreaterThan(knownMedian / 3), "an unknown user answers faster than a wrong key");
        Assert.That(unknownMedian, Is.LessThan(knownMedian * 3));
    }

    private static async Task<HttpResponseMessage> LoginAsync(CloudFsCluster cluster, string user, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.Url("proxy", "/auth/v1.0"));
        request.Headers.Add("X-Auth-User", user);
        request.Headers.Add("X-Auth-Key", key);
        return await cluster.Http.SendAsync(request);
    }

    private static async Task<double> TimedLoginAsync(CloudFsCluster cluster, string user, string key)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await LoginAsync(cluster, user, key);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.That((int)response.StatusCode, Is.EqualTo(401), user);
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
