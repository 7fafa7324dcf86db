using System.Text;
using CloudFs.Proxy.Middleware.Bulk;
using Microsoft.AspNetCore.Http;

namespace CloudFs.UnitTests.Proxy.Middleware.Bulk;

/// <summary>The keep-alive white space of a long bulk run, as Swift's generator yields it.</summary>
public class BulkAnswerTests
{
    private static (DefaultHttpContext Context, MemoryStream Body) NewContext()
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        return (context, body);
    }

    [Test]
    public async Task FinishAsync_QuickRun_IsJustTheReport()
    {
        var (context, body) = NewContext();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var answer = new BulkAnswer(context, "application/json", TimeSpan.FromSeconds(10), clock);
        answer.Start();

        clock.Advance(TimeSpan.FromSeconds(9));
        await answer.BeatAsync();
        await answer.FinishAsync(BulkReport.ForDelete());

        Assert.That(context.Response.StatusCode, Is.EqualTo(200));
        Assert.That(context.Response.ContentType, Is.EqualTo("application/json"));
        Assert.That(Encoding.UTF8.GetString(body.ToArray()), Does.StartWith("{\"Response Status\""));
    }

    [Test]
    public async Task BeatAsync_AfterTheFrequency_SendsSpaceThenTheReportAfterABlankLine()
    {
        var (context, body) = NewContext();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var answer = new BulkAnswer(context, "text/plain", TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(11));
        await answer.BeatAsync();
        await answer.BeatAsync();
        clock.Advance(TimeSpan.FromSeconds(11));
        await answer.BeatAsync();
        await answer.FinishAsync(BulkReport.ForDelete());

        Assert.That(Encoding.UTF8.GetString(body.ToArray()), Does.StartWith("  \r\n\r\nNumber Deleted: 0\n"));
    }

    [Test]
    public async Task BeatAsync_Xml_StartsWithTheDeclaration()
    {
        var (context, body) = NewContext();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var answer = new BulkAnswer(context, "application/xml", TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(11));
        await answer.BeatAsync();
        await answer.FinishAsync(BulkReport.ForExtract());

        Assert.That(Encoding.UTF8.GetString(body.ToArray()), Does.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\r\n\r\n<extract>\n"));
    }

    [Test]
    public void Start_NoAcceptableFormat_KeepsSwobsDefaultType()
    {
        var (context, _) = NewContext();
        new BulkAnswer(context, null, TimeSpan.FromSeconds(10), TimeProvider.System).Start();

        Assert.That(context.Response.ContentType, Is.EqualTo("text/html; charset=UTF-8"));
    }
}
