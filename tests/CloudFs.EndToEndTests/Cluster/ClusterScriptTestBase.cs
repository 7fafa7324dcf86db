namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A test that runs scripts/cluster.sh as a person runs it: a scratch directory of its own, and
/// the script (with every process it started) stopped and the directory removed afterwards.
/// </summary>
public abstract class ClusterScriptTestBase(string scratchPrefix)
{
    protected string Root { get; private set; } = null!;

    protected ClusterScript? Script { get; set; }

    [SetUp]
    public void CreateScratch() => Root = Directory.CreateTempSubdirectory(scratchPrefix + "-").FullName;

    [TearDown]
    public async Task CleanUpAsync()
    {
        if (Script is not null)
        {
            await Script.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}
