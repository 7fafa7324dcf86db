using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

/// <summary>
/// A line-by-line transcription of Swift's list_objects_iter loop over a name list (one
/// query per loop, each asking for limit - len(results) rows, stopping at every roll-up):
/// the reference the batched, in-batch-skipping walker must agree with.
/// </summary>
internal static class SwiftListingReference
{
    public static List<string> List(IReadOnlyList<string> sortedNames, ListingParameters p)
    {
        var limit = p.Limit;
        var (marker, endMarker) = p.Reverse ? (p.EndMarker, p.Marker) : (p.Marker, p.EndMarker);
        var prefix = p.Prefix;
        var delimiter = string.IsNullOrEmpty(p.Delimiter) ? null : p.Delimiter;
        var path = p.Path;
        if (path is not null)
        {
            prefix = path;
            if (path.Length > 0)
            {
                prefix = path = path.TrimEnd('/') + "/";
            }

            delimiter = "/";
        }
        else if (delimiter is not null && string.IsNullOrEmpty(prefix))
        {
            prefix = "";
        }

        var endPrefix = string.IsNullOrEmpty(prefix) ? null : Next(prefix);
        var origMarker = marker;
        var results = new List<string>();
        var forceGte = false;
        while (results.Count < limit)
        {
            var conditions = new List<Func<string, bool>>();
            if (endMarker.Length > 0 && (string.IsNullOrEmpty(prefix) || Cmp(endMarker, endPrefix!) < 0))
            {
                var bound = endMarker;
                conditions.Add(n => Cmp(n, bound) < 0);
            }
            else if (!string.IsNullOrEmpty(prefix))
            {
                conditions.Add(n => Cmp(n, endPrefix!) < 0);
            }

            if (forceGte)
            {
                var bound = marker;
                conditions.Add(n => Cmp(n, bound) >= 0);
                forceGte = false;
            }
            else if (marker.Length > 0 && (string.IsNullOrEmpty(prefix) || Cmp(marker, prefix) >= 0))
            {
                var bound = marker;
                conditions.Add(n => Cmp(n, bound) > 0);
            }
            else if (!string.IsNullOrEmpty(prefix))
            {
                conditions.Add(n => Cmp(n, prefix) >= 0);
            }

            var ordered = p.Reverse ? sortedNames.Reverse() : sortedNames;
            var rows = ordered.Where(n => conditions.All(c => c(n))).Take(limit - results.Count).ToList();
            if (prefix is null || delimiter is null)
            {
                return rows;
            }

            var rowCount = 0;
            foreach (var name in rows)
            {
                rowCount++;
                if (p.Reverse)
                {
                    endMarker = name;
                }
                else
                {
                    marker = name;
                }

                if (results.Count >= limit)
                {
                    return results;
                }

                var end = name.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (path is not null)
                {
                    if (name == path)
                    {
                        continue;
                    }

                    if (end >= 0 && name.Length > end + delimiter.Length)
                    {
                        if (p.Reverse)
                        {
                            endMarker = name[..(end + delimiter.Length)];
                        }
                        else
                        {
                            marker = Next(name[..end] + delimiter);
                        }

                        break;
                    }
                }
                else if (end >= 0)
                {
                    if (p.Reverse)
                    {
                        endMarker = name[..(end + delimiter.Length)];
                    }
                    else
                    {
                        marker = Next(name[..end] + delimiter);
                        forceGte = true;
                    }

                    var dirName = name[..(end + delimiter.Length)];
                    if (dirName != origMarker)
                    {
                        results.Add(dirName + "<subdir>");
                    }

                    break;
                }

                results.Add(name);
            }

            if (rowCount == 0)
            {
                break;
            }
        }

        return results;
    }

    private static int Cmp(string a, string b) => InMemoryListing.ByBytes(a, b);

    private static string Next(string value)
    {
        var runes = value.EnumerateRunes().ToList();
        var last = runes[^1].Value + 1;
        if (last is >= 0xD800 and <= 0xDFFF)
        {
            last = 0xE000;
        }

        runes[^1] = new System.Text.Rune(last);
        return string.Concat(runes.Select(r => r.ToString()));
    }
}
