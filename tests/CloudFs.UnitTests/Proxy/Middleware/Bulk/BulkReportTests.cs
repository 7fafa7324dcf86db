using CloudFs.Proxy.Middleware.Bulk;

namespace CloudFs.UnitTests.Proxy.Middleware.Bulk;

/// <summary>Expected bodies are Swift 2.30.1's (tests/Conformance/recordings/bulk.json and its bulk.py).</summary>
public class BulkReportTests
{
    private static BulkReport Delete(int deleted, int notFound)
    {
        var report = BulkReport.ForDelete();
        for (var i = 0; i < deleted; i++)
        {
            report.Count(BulkDeleter.Deleted);
        }

        for (var i = 0; i < notFound; i++)
        {
            report.Count(BulkDeleter.NotFound);
        }

        return report;
    }

    [Test]
    public void Render_Text_SortsFieldsByName()
    {
        Assert.That(Delete(2, 1).Render("text/plain"),
            Is.EqualTo("Number Deleted: 2\nNumber Not Found: 1\nResponse Body: \nResponse Status: 200 OK\nErrors:\n"));
    }

    [Test]
    public void Render_NoFormat_IsText()
    {
        Assert.That(Delete(0, 0).Render(null), Does.StartWith("Number Deleted: 0\n"));
    }

    [Test]
    public void Render_Json_KeepsSwiftsFieldOrderAndErrorPairs()
    {
        var report = Delete(0, 0);
        report.Status = "400 Bad Request";
        report.Errors.Add(("c/a", "403 Forbidden"));
        report.Errors.Add(("c", "409 Conflict"));

        Assert.That(report.Render("application/json"), Is.EqualTo(
            "{\"Response Status\": \"400 Bad Request\", \"Response Body\": \"\", \"Number Deleted\": 0, \"Number Not Found\": 0, "
            + "\"Errors\": [[\"c/a\", \"403 Forbidden\"], [\"c\", \"409 Conflict\"]]}"));
    }

    [Test]
    public void Render_Json_EscapesAsPythonDoes()
    {
        var report = BulkReport.ForExtract();
        report.Body = "Invalid \"x\"\n\u00fc\u2603\U0001F600\u007f";

        Assert.That(report.Render("application/json"), Does.Contain("\"Response Body\": \"Invalid \\\"x\\\"\\n\\u00fc\\u2603\\ud83d\\ude00\\u007f\""));
    }

    [Test]
    public void Render_Xml_SortedTagsAndEscapedErrors()
    {
        var report = Delete(0, 1);
        report.Errors.Add(("c/<&>", "409 Conflict"));

        Assert.That(report.Render("application/xml"), Is.EqualTo(
            "<delete>\n<number_deleted>0</number_deleted>\n<number_not_found>1</number_not_found>\n<response_body></response_body>\n"
            + "<response_status>200 OK</response_status>\n<errors>\n<object><name>c/&lt;&amp;&gt;</name><status>409 Conflict</status></object>\n</errors>\n</delete>\n"));
    }

    [Test]
    public void Render_ExtractText_HasItsOwnCounter()
    {
        var report = BulkReport.ForExtract();
        report.Count(ArchiveExtractor.Created);

        Assert.That(report.Render("text/plain"), Is.EqualTo("Number Files Created: 1\nResponse Body: \nResponse Status: 201 Created\nErrors:\n"));
        Assert.That(report.Render("text/xml"), Does.StartWith("<extract>\n<number_files_created>1</number_files_created>\n"));
    }
}
