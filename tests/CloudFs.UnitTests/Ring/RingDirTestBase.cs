namespace CloudFs.UnitTests.Ring;

/// <summary>Gives each test a ring directory of its own, removed afterwards.</summary>
public abstract class RingDirTestBase
{
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateRingDir() => Dir = RingFixtures.TempDir();

    [TearDown]
    public void RemoveRingDir() => Directory.Delete(Dir, true);
}
