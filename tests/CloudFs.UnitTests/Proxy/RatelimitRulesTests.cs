using CloudFs.Proxy.Middleware.Ratelimit;

namespace CloudFs.UnitTests.Proxy;

/// <summary>Swift's ratelimit rules (common/middleware/ratelimit.py) on a hand-moved clock.</summary>
public class RatelimitRulesTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [TestCase(0, null)]
    [TestCase(5, null)]
    [TestCase(10, 100.0)]
    [TestCase(55, 75.0)]
    [TestCase(100, 50.0)]
    [TestCase(5000, 50.0)]
    public void MaxRate_InterpolatesBetweenTiersAndSkipsEmptyContainers(long size, double? rate)
    {
        var tiers = new RateTiers(new Dictionary<long, double> { [100] = 50, [10] = 100 });

        Assert.That(tiers.MaxRate(size), Is.EqualTo(rate));
    }

    [Test]
    public void MaxRate_TierAtZero_StillLeavesEmptyContainersAlone()
    {
        var tiers = new RateTiers(new Dictionary<long, double> { [0] = 2 });

        Assert.That(tiers.MaxRate(0), Is.Null);
        Assert.That(tiers.MaxRate(1), Is.EqualTo(2));
    }

    [Test]
    public void SleepFor_RequestsOverTheRate_WaitTheirTurnThenAreRefusedAtMaxSleep()
    {
        var clock = new ManualTimeProvider(Start);
        var counter = new RateCounter(clock, maxSleepSeconds: 1, rateBufferSeconds: 5, clockAccuracy: 1000);

        // 2 per second: each request is half a second after the one before.
        Assert.That(counter.SleepFor("k", 2), Is.EqualTo(0));
        Assert.That(counter.SleepFor("k", 2), Is.EqualTo(0.5));
        Assert.That(counter.SleepFor("k", 2), Is.Null, "a 1 s wait reaches max_sleep_time_seconds");
        Assert.That(counter.SleepFor("k", 2), Is.Null, "a refused request hands its turn back");
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.That(counter.SleepFor("k", 2), Is.EqualTo(0.5));
    }

    [Test]
    public void SleepFor_KeyIdlePastTheBuffer_StartsAfresh()
    {
        var clock = new ManualTimeProvider(Start);
        var counter = new RateCounter(clock, maxSleepSeconds: 60, rateBufferSeconds: 5, clockAccuracy: 1000);
        for (var i = 0; i < 10; i++)
        {
            counter.SleepFor("k", 1);
        }

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.That(counter.SleepFor("k", 1), Is.EqualTo(0));
        Assert.That(counter.SleepFor("other", 1), Is.EqualTo(0), "keys are counted apart");
    }

    [Test]
    public void Keys_PickTheLimitsSwiftApplies()
    {
        var rules = new RatelimitRules(new RatelimitOptions
        {
            AccountRatelimit = 5,
            ContainerRatelimit = new() { [0] = 2 },
            ContainerListingRatelimit = new() { [10] = 3 },
        });

        Assert.That(rules.Keys("PUT", "AUTH_a", "c", null, 0, null), Is.EqualTo(new[] { ("ratelimit/AUTH_a", 5.0) }));
        Assert.That(rules.Keys("POST", "AUTH_a", "c", null, 0, null), Is.Empty);
        Assert.That(rules.Keys("PUT", "AUTH_a", "c", "o", 1, null), Is.EqualTo(new[] { ("ratelimit/AUTH_a/c", 2.0) }));
        Assert.That(rules.Keys("PUT", "AUTH_a", "c", "o", 0, null), Is.Empty, "an empty container is not limited");
        Assert.That(rules.Keys("GET", "AUTH_a", "c", "o", 50, null), Is.Empty);
        Assert.That(rules.Keys("GET", "AUTH_a", "c", null, 50, null), Is.EqualTo(new[] { ("ratelimit_listing/AUTH_a/c", 3.0) }));
        Assert.That(rules.Keys("DELETE", "AUTH_a", "c", "o", 1, "7"), Is.EqualTo(new[] { ("ratelimit/AUTH_a/c", 2.0), ("ratelimit/global-write/AUTH_a", 7.0) }));
        Assert.That(rules.Keys("POST", "AUTH_a", null, null, 0, "nope"), Is.Empty);
    }

    [Test]
    public void NeedsContainerSize_OnlyWhenATierCouldApply()
    {
        var rules = new RatelimitRules(new RatelimitOptions { ContainerRatelimit = new() { [0] = 2 } });

        Assert.That(rules.NeedsContainerSize("PUT", "c", "o"), Is.True);
        Assert.That(rules.NeedsContainerSize("GET", "c", "o"), Is.False);
        Assert.That(rules.NeedsContainerSize("GET", "c", null), Is.False);
    }

    [Test]
    public void Lists_WhitelistWinsOverBlacklistAndSysmeta()
    {
        var rules = new RatelimitRules(new RatelimitOptions { AccountWhitelist = "AUTH_good, AUTH_both", AccountBlacklist = "AUTH_bad,AUTH_both" });

        Assert.That(rules.IsBlacklisted("AUTH_bad", null), Is.True);
        Assert.That(rules.IsBlacklisted("AUTH_both", null), Is.False);
        Assert.That(rules.IsBlacklisted("AUTH_x", "BLACKLIST"), Is.True);
        Assert.That(rules.IsBlacklisted("AUTH_bad", "WHITELIST"), Is.False);
        Assert.That(rules.IsWhitelisted("AUTH_good", null), Is.True);
        Assert.That(rules.IsWhitelisted("AUTH_x", null), Is.False);
    }
}
