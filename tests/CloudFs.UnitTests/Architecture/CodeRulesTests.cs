namespace CloudFs.UnitTests.Architecture;

/// <summary>The detectors the architecture tests rely on find what they should, so a clean result means something.</summary>
public sealed class CodeRulesTests
{
    [TestCase("var sql = \"SELECT id FROM stobj WHERE x = @X\";")]
    [TestCase("\"\"\"\n    INSERT INTO record (a) VALUES (@A)\n\"\"\"")]
    [TestCase("\"UPDATE quota SET used = used + @D\"")]
    [TestCase("\"DELETE FROM garbage WHERE id = @Id\"")]
    [TestCase("\"INSERT IGNORE INTO stobj (x) VALUES (1)\"")]
    public void HasSql_Statement_Found(string source) => Assert.That(CodeRules.HasSql(source), Is.True);

    [TestCase("// Select the first node from the list")]
    [TestCase("var selected = nodes.Select(n => n.Id);")]
    public void HasSql_OrdinaryCode_NotFound(string source) => Assert.That(CodeRules.HasSql(source), Is.False);

    [TestCase("await using var connection = await database.OpenConnectionAsync(ct); DbConnection c = connection;")]
    [TestCase("var text = File.ReadAllText(path);")]
    [TestCase("foreach (var d in Directory.GetDirectories(root))")]
    [TestCase("await work.WriteAsync((CatalogSession s, CancellationToken t) => ...)")]
    public void TouchesStorage_Io_Found(string source) => Assert.That(CodeRules.TouchesStorage(source), Is.True);

    [Test]
    public void TouchesStorage_CallingAService_NotFound() =>
        Assert.That(CodeRules.TouchesStorage("return OutcomeResults.Map(await objects.AdmitAsync(ctx, a, c, o, n, ct), r => Results.Json(r));"), Is.False);

    [Test]
    public void TopLevelTypes_NestedLogClass_NotCounted() =>
        Assert.That(CodeRules.TopLevelTypes("public sealed partial class Forwarder\n{\n    private static partial class Log\n    {\n    }\n}\npublic readonly record struct Pair;\n"),
            Is.EqualTo(new[] { "Forwarder", "Pair" }));
}
