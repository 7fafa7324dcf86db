namespace CloudFs.UnitTests.Architecture;

/// <summary>
/// The layering docs/architecture.md describes, checked on the source text: SQL only in Data/
/// (and the shared Catalog library), no storage access in Endpoints/, no HTTP in Core/ and
/// Storage/, roles that never reference each other, and one type for one name.
/// </summary>
public sealed class ArchitectureTests
{
    // The catalog library is the shared data layer itself: migrations, dialect and session.
    private static readonly string[] SqlHomes = ["Catalog/"];

    [Test]
    public void Sources_SqlText_OnlyInDataFolders()
    {
        var offenders = SourceTree.AllFiles()
            .Where(f => !f.Contains("/Data/", StringComparison.Ordinal) && !SqlHomes.Any(h => f.StartsWith(h, StringComparison.Ordinal)))
            .Where(f => CodeRules.HasSql(SourceTree.Read(f)));

        Assert.That(offenders, Is.Empty, "SQL text outside a Data/ folder");
    }

    [Test]
    public void Endpoints_NeverOpenConnectionsOrFiles()
    {
        var offenders = SourceTree.AllFiles()
            .Where(f => f.Contains("/Endpoints/", StringComparison.Ordinal))
            .Where(f => CodeRules.TouchesStorage(SourceTree.Read(f)));

        Assert.That(offenders, Is.Empty, "Endpoints/ must call Core or Storage, not open connections, sessions or files");
    }

    [Test]
    public void CoreStorageAndData_AreHttpAgnostic()
    {
        var offenders = SourceTree.AllFiles()
            .Where(f => f.Contains("/Core/", StringComparison.Ordinal) || f.Contains("/Storage/", StringComparison.Ordinal)
                || f.Contains("/Data/", StringComparison.Ordinal) || f.StartsWith("Ring/", StringComparison.Ordinal))
            .Where(f => CodeRules.UsesHttp(SourceTree.Read(f)));

        Assert.That(offenders, Is.Empty, "Core/, Storage/, Data/ and Ring/ must not use ASP.NET Core types");
    }

    [Test]
    public void Roles_NeverReferenceEachOther()
    {
        var offenders = SourceTree.Roles
            .SelectMany(role => SourceTree.References(role).Where(SourceTree.Roles.Contains).Select(other => $"{role} → {other}"));

        Assert.That(offenders, Is.Empty, "a role talks to another only over HTTP, through the shared contract");
    }

    [Test]
    public void TypeNames_AreUniqueAcrossTheSolution()
    {
        var duplicates = SourceTree.AllFiles()
            .SelectMany(f => CodeRules.TopLevelTypes(SourceTree.Read(f)).Select(type => (Type: type, File: f)))
            .GroupBy(d => d.Type)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.File))}");

        Assert.That(duplicates, Is.Empty, "one name, one type: name each for what it does");
    }

    [Test]
    public void Sources_AwaitPlainly_NoConfigureAwait()
    {
        // The house dialect: ASP.NET Core has no synchronisation context, so ConfigureAwait(false) buys nothing here.
        var offenders = SourceTree.AllFiles().Where(f => SourceTree.Read(f).Contains(".ConfigureAwait(", StringComparison.Ordinal));

        Assert.That(offenders, Is.Empty, "await plainly, as every role does");
    }

    [Test]
    public void SourceTree_FindsEveryRole() =>
        Assert.That(SourceTree.Projects(), Is.SupersetOf(SourceTree.Roles.Append("Common").Append("Ring")));
}
