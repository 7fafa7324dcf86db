using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Symlinks;

namespace CloudFs.UnitTests.Proxy.Symlinks;

public class SymlinkWalkTests
{
    private const string Hello = "5d41402abc4b2a76b9719d911017c592";
    private const string Empty = "d41d8cd98f00b204e9800998ecf8427e";

    private readonly Dictionary<string, ObjectRecord> _objects = [];
    private readonly List<string> _authorized = [];

    [Test]
    public async Task Walk_Chain_EndsAtTheObjectWithItsLocation()
    {
        Put("o", Hello);
        Link("l", "c/o");
        Link("l2", "c/l");

        var walk = NewWalk();
        var result = await walk.WalkAsync(P("l2"), _objects["l2"], null, followSoft: true);

        Assert.That(result.Record!.Hash, Is.EqualTo(Hello));
        Assert.That(walk.Location, Is.EqualTo("/v1/AUTH_a/c/o"));
        Assert.That(_authorized, Is.EqualTo(new[] { "l", "o" }), "each hop is authorised as a read of its target");
    }

    [Test]
    public async Task Walk_Loop_Is409WithoutLocation()
    {
        Link("l", "c/l2");
        Link("l2", "c/l");

        var walk = NewWalk();
        var result = await walk.WalkAsync(P("l"), _objects["l"], null, followSoft: true);

        Assert.That((result.Error!.Kind, result.Error.Message), Is.EqualTo((CloudFsErrorKind.Conflict, "Too many levels of symbolic links, maximum allowed is 2")));
        Assert.That(walk.Location, Is.Null);
    }

    [Test]
    public async Task Walk_ThreeLinks_IsOneTooMany()
    {
        Put("o", Hello);
        Link("l", "c/o");
        Link("l2", "c/l");
        Link("l3", "c/l2");

        var result = await NewWalk().WalkAsync(P("l3"), _objects["l3"], null, followSoft: true);

        Assert.That(result.Error!.Kind, Is.EqualTo(CloudFsErrorKind.Conflict));
    }

    [Test]
    public async Task Walk_Dangling_IsNotFoundAtTheTarget()
    {
        Link("l", "c/nope");

        var walk = NewWalk();
        var result = await walk.WalkAsync(P("l"), _objects["l"], null, followSoft: true);

        Assert.That(result.Error!.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
        Assert.That(walk.Location, Is.EqualTo("/v1/AUTH_a/c/nope"));
    }

    [Test]
    public async Task Walk_StaticLinkWhoseTargetChanged_Is409NamingBothEtags()
    {
        Put("o", "8977dfac2f8e04cb96e66882235f5aba");
        Link("s", "c/o", Hello);

        var result = await NewWalk().WalkAsync(P("s"), _objects["s"], null, followSoft: true);

        Assert.That(result.Error!.Message,
            Is.EqualTo($"Object Etag '8977dfac2f8e04cb96e66882235f5aba' does not match X-Symlink-Target-Etag header '{Hello}'"));
    }

    [Test]
    public async Task Walk_Refused_StopsDenied()
    {
        Put("o", Hello);
        Link("l", "c/o");

        var result = await new SymlinkWalk(2, _ => Task.FromResult(false), Resolve).WalkAsync(P("l"), _objects["l"], null, followSoft: true);

        Assert.That(result.IsDenied, Is.True);
    }

    [Test]
    public async Task Walk_StaticCheckOnASoftLink_ComparesTheLinkItself()
    {
        Put("o", Hello);
        Link("d", "c/o");

        var matching = await NewWalk().WalkAsync(P("d"), null, Empty, followSoft: false);
        var wrong = await NewWalk().WalkAsync(P("d"), null, Hello, followSoft: false);

        Assert.That(matching.Record!.Name, Is.EqualTo("d"));
        Assert.That(wrong.Error!.Message, Is.EqualTo($"Object Etag '{Empty}' does not match X-Symlink-Target-Etag header '{Hello}'"));
    }

    private SymlinkWalk NewWalk() => new(2, path =>
    {
        _authorized.Add(path.Object!);
        return Task.FromResult(true);
    }, Resolve);

    private Task<Outcome<ObjectRecord>> Resolve(ResourcePath path) =>
        Task.FromResult(_objects.TryGetValue(path.Object!, out var record) ? (Outcome<ObjectRecord>)record : CloudFsError.NotFound());

    private static ResourcePath P(string name) => new("AUTH_a", "c", name, "");

    private void Put(string name, string hash, Dictionary<string, string>? sys = null) =>
        _objects[name] = new ObjectRecord(name, 5, hash, "application/octet-stream", new Timestamp(1), "b", null,
            new Dictionary<string, string>(), sys ?? []);

    private void Link(string name, string target, string? etag = null)
    {
        var sys = new Dictionary<string, string> { [SymlinkTarget.TargetKey] = target };
        if (etag is not null)
        {
            sys[SymlinkTarget.EtagKey] = etag;
            sys[SymlinkTarget.BytesKey] = "5";
        }

        Put(name, Empty, sys);
    }
}
