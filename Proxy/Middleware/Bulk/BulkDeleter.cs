namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Swift's bulk delete: every listed object first, then every listed container (so a container
/// emptied by the same request can go), each as a DELETE sub-request of its own. 404 counts as
/// not found; any other failure is listed with its status, and the run stops once
/// <c>max_failed_deletes</c> have failed.
/// </summary>
public sealed class BulkDeleter(BulkOptions options, BulkSubRequests subRequests, BulkAnswer answer)
{
    public const string Deleted = "Number Deleted";
    public const string NotFound = "Number Not Found";

    /// <summary>Deletes <paramref name="names"/> (decoded, relative to the account) and fills <paramref name="report"/>.</summary>
    public async Task RunAsync(string version, string account, IReadOnlyList<byte[]> names, BulkReport report)
    {
        var failedStatus = 400;
        var prefix = "/" + SwiftQuoting.Quote(version) + "/" + SwiftQuoting.Quote(account) + "/";
        foreach (var wantObjects in new[] { true, false })
        {
            foreach (var name in names.Where(n => n.Length > 0 && IsObject(n) == wantObjects))
            {
                if (!SwiftQuoting.IsValidName(name) || !SwiftQuoting.IsValidName(System.Text.Encoding.UTF8.GetBytes(account)))
                {
                    report.Errors.Add((SwiftQuoting.Quote(name), SwiftStatusLine.For(412)));
                }
                else
                {
                    var target = prefix + SwiftQuoting.Quote(name.AsSpan().TrimStart((byte)'/'));
                    var status = await subRequests.SendAsync("DELETE", target, [], null, 0);
                    await answer.BeatAsync();
                    if (status is >= 200 and < 300)
                    {
                        report.Count(Deleted);
                    }
                    else if (status == 404)
                    {
                        report.Count(NotFound);
                    }
                    else
                    {
                        failedStatus = status / 100 == 5 ? 502 : failedStatus;
                        report.Errors.Add((SwiftQuoting.Quote(name), SwiftStatusLine.For(status)));
                    }

                    // Counted after each delete, as Swift does; names refused up front do not trigger it.
                    if (report.Errors.Count >= options.MaxFailedDeletes)
                    {
                        throw new BulkFailure(400, "Max delete failures exceeded");
                    }
                }
            }
        }

        if (report.Errors.Count > 0)
        {
            report.Status = SwiftStatusLine.For(failedStatus);
        }
        else if (report[Deleted] == 0 && report[NotFound] == 0)
        {
            report.Status = SwiftStatusLine.For(400);
            report.Body = "Invalid bulk delete.";
        }
    }

    /// <summary>A name with a slash inside (leading and trailing ones aside) names an object.</summary>
    private static bool IsObject(byte[] name) => name.AsSpan().Trim((byte)'/').Contains((byte)'/');
}
