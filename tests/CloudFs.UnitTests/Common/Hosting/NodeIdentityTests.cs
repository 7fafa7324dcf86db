using CloudFs.Common.Hosting;

namespace CloudFs.UnitTests.Common.Hosting;

public class NodeIdentityTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("cloudfs-node-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void LoadOrCreate_SecondStart_KeepsTheSameId()
    {
        var first = NodeIdentity.LoadOrCreate(_dir);
        var second = NodeIdentity.LoadOrCreate(_dir);

        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(first.Id, Is.Not.EqualTo(Guid.Empty));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temp files left behind");
    }

    [Test]
    public void LoadOrCreate_OtherDataDir_GetsAnotherId()
    {
        var other = Path.Combine(_dir, "other");

        Assert.That(NodeIdentity.LoadOrCreate(other).Id, Is.Not.EqualTo(NodeIdentity.LoadOrCreate(_dir).Id));
    }

    [Test]
    public void LoadOrCreate_ManyAtOnce_AllAgree()
    {
        var ids = Enumerable.Range(0, 16).AsParallel().Select(_ => NodeIdentity.LoadOrCreate(_dir).Id).Distinct().ToList();

        Assert.That(ids, Has.Count.EqualTo(1));
    }
}
