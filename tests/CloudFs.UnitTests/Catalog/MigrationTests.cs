using CloudFs.Catalog;

namespace CloudFs.UnitTests.Catalog;

public class MigrationTests
{
    [Test]
    public void LoadAll_EmbeddedScripts_AreNumberedFromOne()
    {
        var migrations = Migration.LoadAll();

        Assert.That(migrations, Is.Not.Empty);
        Assert.That(migrations.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, migrations.Count)));
    }

    [Test]
    public void Statements_BothDialects_LeaveNoTokenBehind()
    {
        foreach (var dialect in new[] { SqlDialect.MySql, SqlDialect.Sqlite })
        {
            foreach (var statement in Migration.LoadAll().SelectMany(m => m.Statements(dialect)))
            {
                Assert.That(statement, Does.Not.Match(@"\{[A-Z_]+(:\d+)?\}"), statement);
                Assert.That(statement, Does.Not.Contain("--"), statement);
            }
        }
    }

    [Test]
    public void Statements_SplitAtLineEndSemicolons()
    {
        var migration = new Migration(1, "t", "-- comment\nCREATE TABLE a (x {INT});\n\nCREATE TABLE b (\n  y {BIGINT}\n) {TABLE};\n");

        var statements = migration.Statements(SqlDialect.Sqlite).ToList();

        Assert.That(statements, Is.EqualTo(new[] { "CREATE TABLE a (x INTEGER)", "CREATE TABLE b (\n  y INTEGER\n) " }));
    }

    [TestCase("{ID}", "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY", "INTEGER PRIMARY KEY AUTOINCREMENT")]
    [TestCase("{STR:64}", "VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "TEXT")]
    [TestCase("{NAME}", "VARBINARY(1024)", "TEXT")]
    [TestCase("{INSERT_IGNORE}", "INSERT IGNORE", "INSERT OR IGNORE")]
    public void Translate_Token_PerDialect(string token, string mysql, string sqlite)
    {
        Assert.That(SqlDialect.MySql.Translate(token), Is.EqualTo(mysql));
        Assert.That(SqlDialect.Sqlite.Translate(token), Is.EqualTo(sqlite));
    }

    [Test]
    public void Translate_TextWithoutToken_IsReturnedAsItIs()
    {
        const string sql = "SELECT id FROM stobj WHERE parent_id = @Parent";
        Assert.That(SqlDialect.MySql.Translate(sql), Is.SameAs(sql));
    }

    [Test]
    public void Translate_SameTextTwice_GivesTheSameTranslation()
    {
        var sql = "SELECT id FROM quota WHERE stobj_id = @Id {FOR_UPDATE}";
        var first = SqlDialect.MySql.Translate(sql);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("SELECT id FROM quota WHERE stobj_id = @Id FOR UPDATE"));
            Assert.That(SqlDialect.MySql.Translate(sql), Is.SameAs(first), "kept, not translated again");
            Assert.That(SqlDialect.Sqlite.Translate(sql), Is.EqualTo("SELECT id FROM quota WHERE stobj_id = @Id "), "each dialect its own");
        });
    }

    [Test]
    public void Translate_UnknownToken_Throws() =>
        Assert.That(() => SqlDialect.MySql.Translate("{NOPE}"), Throws.InvalidOperationException);
}
