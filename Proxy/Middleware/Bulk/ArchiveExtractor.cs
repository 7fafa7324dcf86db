using System.Formats.Tar;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Swift's extract-archive: every regular file of a tar stream becomes an object PUT of its own
/// under the request's path, read straight from the archive as it arrives. At account level the
/// first directory names the container, which is created when missing (files at the top are
/// skipped). A file that fails is listed with its status and the others stand.
/// </summary>
public sealed class ArchiveExtractor(BulkOptions options, long maxFileSize, BulkSubRequests subRequests, BulkAnswer answer)
{
    public const string Created = "Number Files Created";

    /// <param name="extractBase">Decoded <c>container[/prefix]</c> the files go under, or empty for the account.</param>
    /// <param name="copied">The request's headers every object gets: X-Delete-At/-After and object metadata.</param>
    public async Task RunAsync(string version, string account, string extractBase, Stream tar,
        IReadOnlyList<KeyValuePair<string, string>> copied, BulkReport report)
    {
        var failedStatus = 400;
        var accessed = new HashSet<string>(StringComparer.Ordinal);
        var containersCreated = 0;
        var prefix = "/" + version + "/" + account + "/";
        await using var reader = new TarReader(tar, leaveOpen: true);
        var first = true;
        // A pax global header applies to every entry after it (GNU tar writes --pax-option
        // keywords there); Python's tarfile, which Swift reads archives with, merges it in.
        IReadOnlyDictionary<string, string> global = new Dictionary<string, string>();
        while (true)
        {
            await answer.BeatAsync();
            var entry = await NextAsync(reader, first);
            first = false;
            if (entry is null || report.Errors.Count >= options.MaxFailedExtractions)
            {
                break;
            }

            if (entry is PaxGlobalExtendedAttributesTarEntry globalEntry)
            {
                global = globalEntry.GlobalExtendedAttributes;
                continue;
            }

            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                continue;
            }

            var objPath = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            objPath = objPath.TrimStart('/');
            if (extractBase.Length > 0)
            {
                objPath = extractBase + "/" + objPath;
            }

            if (!objPath.Contains('/'))
            {
                continue;
            }

            var container = objPath.Split('/', 2)[0];
            var destination = prefix + objPath;
            if (!IsValid(destination))
            {
                report.Errors.Add((Reported(objPath), SwiftStatusLine.For(412)));
                continue;
            }

            if (entry.Length > maxFileSize)
            {
                report.Errors.Add((Reported(objPath), SwiftStatusLine.For(413)));
                continue;
            }

            (string, string)? containerFailure = null;
            if (!accessed.Contains(container))
            {
                var containerPath = prefix + container;
                var (created, failure) = await CreateContainerAsync(containerPath);
                if (created && ++containersCreated > options.MaxContainersPerExtraction)
                {
                    throw new BulkFailure(400, $"More than {options.MaxContainersPerExtraction} containers to create from tar.");
                }

                if (failure is { } status)
                {
                    if (status == 401)
                    {
                        throw new BulkFailure(401);
                    }

                    // The object PUT may still succeed (a container ACL can allow it), so it goes ahead.
                    containerFailure = (Reported(containerPath), SwiftStatusLine.For(status));
                }
            }

            var headers = new List<KeyValuePair<string, string>>(copied);
            var attributes = new Dictionary<string, string>(global);
            if (entry is PaxTarEntry pax)
            {
                foreach (var (key, value) in pax.ExtendedAttributes)
                {
                    attributes[key] = value;
                }
            }

            headers.AddRange(attributes.Select(a => (Header: PaxHeaders.ToSwiftHeader(a.Key), a.Value))
                .Where(a => a.Header is not null).Select(a => new KeyValuePair<string, string>(a.Header!, a.Value)));

            var put = await subRequests.SendAsync("PUT", Quote(destination), headers, entry.DataStream ?? Stream.Null, entry.Length);
            accessed.Add(container);
            if (put is >= 200 and < 300)
            {
                report.Count(Created);
                continue;
            }

            if (containerFailure is { } cf)
            {
                report.Errors.Add(cf);
            }

            if (put == 401)
            {
                report.Errors.Add((Reported(objPath), SwiftStatusLine.For(401)));
                throw new BulkFailure(401);
            }

            failedStatus = put / 100 == 5 ? 502 : failedStatus;
            report.Errors.Add((Reported(objPath), SwiftStatusLine.For(put)));
        }

        if (report.Errors.Count > 0)
        {
            report.Status = SwiftStatusLine.For(failedStatus);
        }
        else if (report[Created] == 0)
        {
            report.Status = SwiftStatusLine.For(400);
            report.Body = "Invalid Tar File: No Valid Files";
        }
    }

    /// <summary>HEAD, then PUT when missing: whether it was created, or the status that stopped it.</summary>
    private async Task<(bool Created, int? Failure)> CreateContainerAsync(string containerPath)
    {
        var head = await subRequests.SendAsync("HEAD", Quote(containerPath), [], null, null);
        if (head is >= 200 and < 300)
        {
            return (false, null);
        }

        if (head == 404)
        {
            var put = await subRequests.SendAsync("PUT", Quote(containerPath), [], null, 0);
            return put is >= 200 and < 300 ? (true, null) : (false, put);
        }

        return (false, head);
    }

    /// <summary>
    /// The next entry. A bad first header fails the archive; a bad one later ends it quietly,
    /// as Python's tarfile stops reading a stream there.
    /// </summary>
    private static async Task<TarEntry?> NextAsync(TarReader reader, bool first)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or BZip2Exception or ArgumentException)
        {
            if (first)
            {
                throw new InvalidArchiveException("invalid header");
            }

            return null;
        }
    }

    private static bool IsValid(string path) => !path.Contains('\0') && path.EnumerateRunes().All(r => r != Rune.ReplacementChar);

    // Names in the report are cut to Swift's longest path, in bytes, then quoted.
    private static string Reported(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        return SwiftQuoting.Quote(bytes.AsSpan(0, Math.Min(bytes.Length, DeleteListReader.MaxPathLength)));
    }

    private static string Quote(string path) => SwiftQuoting.Quote(path);
}
