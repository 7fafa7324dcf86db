namespace CloudFs.IntegrationTests.Hosting;

/// <summary>A directory of the test's own, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "cloudfs-it")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server still holding a file open; the OS temp cleaner gets it later.
        }
    }
}
