using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CloudFs.Cli.Client;

namespace CloudFs.Cli.Import;

/// <summary>
/// Loads a local directory tree into a container through the normal write path: each file
/// is one streamed PUT with its MD5 as ETag (the cluster refuses a corrupted upload).
/// Resumable: a file whose object already has the same size and mtime (X-Object-Meta-Mtime,
/// as the swift CLI keeps it) is skipped without being read.
/// </summary>
public sealed class TreeImporter(CloudFsClient client, string accountPath, string container, string prefix, int jobs, TextWriter progress)
{
    public const string MtimeHeader = "X-Object-Meta-Mtime";

    public async Task<ImportSummary> RunAsync(string root, CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => new FileInfo(path)).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var totalBytes = files.Sum(f => f.Length);
        await EnsureContainerAsync(ct);
        var summary = new ImportSummary();
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var reporter = ReportAsync(ticker, summary, files.Count, totalBytes, ct);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ct }, async (file, token) =>
        {
            var name = prefix + Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                await ImportFileAsync(file, name, summary, token);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or CliException)
            {
                summary.AddFailed();
                await progress.WriteLineAsync($"failed {name}: {ex.Message}");
            }
        });
        ticker.Dispose();
        await reporter;
        return summary;
    }

    private async Task ImportFileAsync(FileInfo file, string name, ImportSummary summary, CancellationToken ct)
    {
        var url = $"{accountPath}/{CloudFsClient.Encode(container)}/{CloudFsClient.Encode(name)}";
        var mtime = new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeMilliseconds() / 1000.0;
        var mtimeText = mtime.ToString("0.000", CultureInfo.InvariantCulture);
        using (var head = await client.SendAsync(HttpMethod.Head, url, ct: ct))
        {
            if (head.StatusCode == HttpStatusCode.OK && head.Content.Headers.ContentLength == file.Length
                && head.Headers.TryGetValues(MtimeHeader, out var stored) && stored.First() == mtimeText)
            {
                summary.AddSkipped();
                return;
            }
        }

        string md5;
        await using (var read = file.OpenRead())
        {
            md5 = Convert.ToHexStringLower(await MD5.HashDataAsync(read, ct));
        }

        await using var body = file.OpenRead();
        var content = new StreamContent(body, 256 * 1024);
        content.Headers.ContentLength = file.Length;
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        await client.SendOkAsync(HttpMethod.Put, url, content, [new("ETag", md5), new(MtimeHeader, mtimeText)], ct);
        summary.AddUploaded(file.Length);
    }

    private async Task EnsureContainerAsync(CancellationToken ct) =>
        await client.SendOkAsync(HttpMethod.Put, $"{accountPath}/{CloudFsClient.Encode(container)}", ct: ct);

    private async Task ReportAsync(PeriodicTimer ticker, ImportSummary summary, int files, long bytes, CancellationToken ct)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(ct))
            {
                await progress.WriteLineAsync($"{summary.Done}/{files} files, {summary.Bytes / 1048576.0:0.0}/{bytes / 1048576.0:0.0} MiB uploaded");
            }
        }
        catch (OperationCanceledException)
        {
            // Import cancelled; the summary says how far it got.
        }
    }
}
