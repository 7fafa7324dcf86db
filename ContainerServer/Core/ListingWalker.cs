namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Swift's listing loop (container/backend.py list_objects_iter, account/backend.py
/// list_containers_iter) over keyset queries: marker/end_marker/prefix become index range
/// bounds, and a delimiter roll-up moves the bound past the whole rolled-up prefix
/// (prefix + the character after the delimiter) so the next query is one index seek, never
/// a scan of what was rolled up. Quirks are kept on purpose: reverse swaps the markers, a
/// roll-up equal to the original marker is not repeated, and <c>path</c> skips deeper
/// names without listing them.
/// </summary>
public static class ListingWalker
{
    private const int FirstBatch = 256;
    private const int BatchAfterSeek = 32;

    public static async Task<IReadOnlyList<ListingItem>> WalkAsync(
        ListingParameters parameters,
        Func<ListingRange, CancellationToken, Task<IReadOnlyList<ListingItem>>> fetch,
        IHiddenPrefixes? hidden,
        CancellationToken ct)
    {
        var limit = parameters.Limit;
        var reverse = parameters.Reverse;
        var (marker, endMarker) = reverse ? (parameters.EndMarker, parameters.Marker) : (parameters.Marker, parameters.EndMarker);
        var prefix = parameters.Prefix;
        var delimiter = string.IsNullOrEmpty(parameters.Delimiter) ? null : parameters.Delimiter;
        var path = parameters.Path;
        if (path is not null)
        {
            prefix = path.Length > 0 ? path = path.TrimEnd('/') + "/" : path;
            delimiter = "/";
        }
        else if (delimiter is not null && string.IsNullOrEmpty(prefix))
        {
            prefix = "";
        }

        var endPrefix = string.IsNullOrEmpty(prefix) ? null : Utf8Order.NextAfter(prefix);
        var originalMarker = marker;
        var perRow = delimiter is not null || hidden is not null;
        var results = new List<ListingItem>();
        var forceInclusive = false;
        var batch = FirstBatch;
        while (results.Count < limit)
        {
            var range = Range(marker, endMarker, prefix, endPrefix, ref forceInclusive, reverse,
                delimiter is null ? limit - results.Count : Math.Min(limit - results.Count, batch));
            var rows = await fetch(range, ct);
            if (!perRow)
            {
                return rows;
            }

            if (rows.Count == 0)
            {
                break;
            }

            if (hidden is not null)
            {
                await hidden.PrepareAsync(rows, ct);
            }

            var seek = false;
            for (var i = 0; i < rows.Count && !seek; i++)
            {
                var row = rows[i];
                var name = row.Name;
                if (reverse)
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

                // Where the next query would start after skipping a prefix; rows of the
                // batch before it are skipped here, or the query is sent if the next row is.
                string? skipTo = null;
                var inclusive = false;
                var hiddenPrefix = hidden?.HiddenPrefixOf(name);
                if (hiddenPrefix is not null)
                {
                    (skipTo, inclusive) = reverse ? (hiddenPrefix, false) : (Utf8Order.NextAfter(hiddenPrefix), true);
                }
                else if (delimiter is not null)
                {
                    var end = name.IndexOf(delimiter, prefix!.Length, StringComparison.Ordinal);
                    if (path is not null)
                    {
                        if (name == path)
                        {
                            continue;
                        }

                        if (end >= 0 && name.Length > end + delimiter.Length)
                        {
                            // Swift's path mode seeks with '>' (not '>='), unlike the delimiter mode.
                            (skipTo, inclusive) = reverse ? (name[..(end + delimiter.Length)], false) : (Utf8Order.NextAfter(name[..end] + delimiter), false);
                        }
                    }
                    else if (end >= 0)
                    {
                        var dirName = name[..(end + delimiter.Length)];
                        (skipTo, inclusive) = reverse ? (dirName, false) : (Utf8Order.NextAfter(name[..end] + delimiter), true);
                        if (dirName != originalMarker)
                        {
                            results.Add(ListingItem.Subdir(dirName));
                        }
                    }
                }

                if (skipTo is null)
                {
                    results.Add(row);
                    continue;
                }

                if (reverse)
                {
                    endMarker = skipTo;
                }
                else
                {
                    marker = skipTo;
                    forceInclusive = inclusive;
                }

                // Skip in-batch only while the rest of the batch is past the prefix; a row
                // still inside it means the prefix may be large: seek past it instead.
                if (i + 1 == rows.Count || !Beyond(rows[i + 1].Name, skipTo, inclusive, reverse))
                {
                    seek = true;
                }
                else
                {
                    forceInclusive = false;
                }
            }

            if (!seek && rows.Count < range.Limit)
            {
                break; // the range held no more rows
            }

            batch = seek ? BatchAfterSeek : Math.Min(batch * 4, ListingParameters.MaxLimit);
        }

        return results;
    }

    /// <summary>Whether a row would be returned by a query starting at the skip bound.</summary>
    private static bool Beyond(string name, string bound, bool inclusive, bool reverse)
    {
        var order = Utf8Order.Compare(name, bound);
        return reverse ? order < 0 : order > 0 || (inclusive && order == 0);
    }

    private static ListingRange Range(string marker, string endMarker, string? prefix, string? endPrefix,
        ref bool forceInclusive, bool reverse, int limit)
    {
        string? upper = null;
        if (endMarker.Length > 0 && (string.IsNullOrEmpty(prefix) || Utf8Order.Compare(endMarker, endPrefix) < 0))
        {
            upper = endMarker;
        }
        else if (!string.IsNullOrEmpty(prefix))
        {
            upper = endPrefix;
        }

        string? lower = null;
        var inclusive = false;
        if (forceInclusive)
        {
            (lower, inclusive) = (marker, true);
            forceInclusive = false;
        }
        else if (marker.Length > 0 && (string.IsNullOrEmpty(prefix) || Utf8Order.Compare(marker, prefix) >= 0))
        {
            lower = marker;
        }
        else if (!string.IsNullOrEmpty(prefix))
        {
            (lower, inclusive) = (prefix, true);
        }

        return new ListingRange(lower, inclusive, upper, reverse, limit);
    }
}
