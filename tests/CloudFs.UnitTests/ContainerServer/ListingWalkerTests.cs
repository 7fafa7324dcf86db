using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class ListingWalkerTests
{
    private static readonly string[] Alphabet = ["a", "b", "/", "-", "é", "😀", "\uE000", "/"];

    [Test]
    public async Task WalkAsync_RandomNamesAndParameters_AgreesWithSwiftsLoop()
    {
        var random = new Random(20241124);
        for (var round = 0; round < 3000; round++)
        {
            var names = Enumerable.Range(0, random.Next(0, 40)).Select(_ => RandomName(random, 1, 6)).Distinct().ToList();
            var listing = new InMemoryListing(names);
            names.Sort(InMemoryListing.ByBytes);
            var parameters = RandomParameters(random);

            var expected = SwiftListingReference.List(names, parameters);
            var actual = await ListingWalker.WalkAsync(parameters, listing.FetchAsync, hidden: null, CancellationToken.None);

            Assert.That(actual.Select(i => i.IsSubdir ? i.Name + "<subdir>" : i.Name), Is.EqualTo(expected),
                $"round {round}: {parameters} over [{string.Join(", ", names)}]");
        }
    }

    [Test]
    public async Task WalkAsync_DelimiterOverLargeDirectories_OneSeekPerRollUp()
    {
        var names = Enumerable.Range(0, 20).SelectMany(d => Enumerable.Range(0, 5000).Select(i => $"dir{d:D2}/obj{i:D5}"));
        var listing = new InMemoryListing(names);

        var items = await ListingWalker.WalkAsync(Parameters(delimiter: "/"), listing.FetchAsync, null, CancellationToken.None);

        Assert.That(items.Select(i => i.Name), Is.EqualTo(Enumerable.Range(0, 20).Select(d => $"dir{d:D2}/")));
        Assert.That(listing.Queries, Is.LessThanOrEqualTo(21));
    }

    [Test]
    public async Task WalkAsync_FlatNamesWithDelimiter_FewQueries()
    {
        var listing = new InMemoryListing(Enumerable.Range(0, 20000).Select(i => $"obj{i:D5}"));

        var items = await ListingWalker.WalkAsync(Parameters(delimiter: "/"), listing.FetchAsync, null, CancellationToken.None);

        Assert.That(items, Has.Count.EqualTo(10000));
        Assert.That(listing.Queries, Is.LessThanOrEqualTo(5));
    }

    [Test]
    public async Task WalkAsync_HiddenDirectory_SkippedWithoutReadingIt()
    {
        var names = new[] { "a", "b/1", "b/2", "b/3", "b0", "c/b/1", "d" };
        var listing = new InMemoryListing(names);
        var hidden = new FixedHiddenPrefixes("b", "c/b");

        var forward = await ListingWalker.WalkAsync(Parameters(), listing.FetchAsync, hidden, CancellationToken.None);
        var reverse = await ListingWalker.WalkAsync(Parameters(reverse: true, limit: 2), listing.FetchAsync, hidden, CancellationToken.None);
        var rolled = await ListingWalker.WalkAsync(Parameters(delimiter: "/"), listing.FetchAsync, hidden, CancellationToken.None);

        Assert.That(forward.Select(i => i.Name), Is.EqualTo(new[] { "a", "b0", "d" }));
        Assert.That(reverse.Select(i => i.Name), Is.EqualTo(new[] { "d", "b0" }));
        Assert.That(rolled.Select(i => i.Name), Is.EqualTo(new[] { "a", "b0", "d" }));
    }

    [TestCase(0)]
    [TestCase(1)]
    public async Task WalkAsync_Limit_CutsThePage(int limit)
    {
        var listing = new InMemoryListing(["a", "b", "c"]);

        var items = await ListingWalker.WalkAsync(Parameters(limit: limit, delimiter: "/"), listing.FetchAsync, null, CancellationToken.None);

        Assert.That(items, Has.Count.EqualTo(limit));
    }

    private static ListingParameters Parameters(int limit = 10000, string marker = "", string endMarker = "", string? prefix = null,
        string? delimiter = null, string? path = null, bool reverse = false) =>
        new(limit, marker, endMarker, prefix, delimiter, path, reverse, ListingFormat.Plain, "text/plain", false);

    private static ListingParameters RandomParameters(Random random)
    {
        string? Maybe(int percent, Func<string> make) => random.Next(100) < percent ? make() : null;
        var path = Maybe(10, () => RandomName(random, 0, 3));
        return Parameters(
            limit: random.Next(100) < 70 ? 10000 : random.Next(0, 8),
            marker: Maybe(30, () => RandomName(random, 1, 4)) ?? "",
            endMarker: Maybe(20, () => RandomName(random, 1, 4)) ?? "",
            prefix: Maybe(30, () => RandomName(random, 0, 3)),
            delimiter: Maybe(60, () => random.Next(10) < 7 ? "/" : Alphabet[random.Next(Alphabet.Length)] + (random.Next(10) == 0 ? "a" : "")),
            path: path,
            reverse: random.Next(100) < 35);
    }

    private static string RandomName(Random random, int min, int max) =>
        string.Concat(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Alphabet[random.Next(Alphabet.Length)]));

    private sealed class FixedHiddenPrefixes(params string[] directories) : IHiddenPrefixes
    {
        public Task PrepareAsync(IReadOnlyList<ListingItem> batch, CancellationToken ct) => Task.CompletedTask;

        public string? HiddenPrefixOf(string name) =>
            ObjectAncestors.Of(name).FirstOrDefault(directories.Contains) is { } d ? d + "/" : null;
    }
}
