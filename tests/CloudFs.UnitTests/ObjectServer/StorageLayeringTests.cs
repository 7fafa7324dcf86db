namespace CloudFs.UnitTests.ObjectServer;

public class StorageLayeringTests
{
    [Test]
    public void StorageSources_NoAspNetCore_HttpAgnostic()
    {
        var storage = FindStorageDirectory();
        var offenders = Directory.EnumerateFiles(storage, "*.cs")
            .Where(f => File.ReadAllText(f).Contains("Microsoft.AspNetCore", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    private static string FindStorageDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ObjectServer", "Storage");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Ignore("ObjectServer sources not found above the test directory.");
        return "";
    }
}
