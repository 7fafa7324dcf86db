using System.Net.Sockets;
using System.Text;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// Sends a request as exact bytes on a fresh connection and reads one answer. HttpClient would
/// fix up what the cases are about (bad paths, framing, unknown methods, odd headers).
/// </summary>
public static class RawHttp
{
    public static async Task<RawAnswer> SendAsync(string host, int port, string method, byte[] request, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(request, cts.Token);
            var reader = new ByteReader(stream);
            while (true)
            {
                var answer = await ReadAnswerAsync(reader, method, cts.Token);
                if (answer.Status != 100)
                {
                    return answer;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or FormatException)
        {
            // What the recorder writes when Swift gives no answer at all.
            return new RawAnswer(0, [], Encoding.UTF8.GetBytes($"no answer: {e.GetType().Name}"));
        }
    }

    private static async Task<RawAnswer> ReadAnswerAsync(ByteReader reader, string method, CancellationToken ct)
    {
        var statusLine = await reader.ReadLineAsync(ct) ?? throw new IOException("closed before the status line");
        var parts = statusLine.Split(' ', 3);
        var status = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        while (await reader.ReadLineAsync(ct) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }

        if (status == 100 || method == "HEAD" || status is 204 or 304)
        {
            return new RawAnswer(status, headers, []);
        }

        string? Header(string name) => headers.LastOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        byte[] body;
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var all = new MemoryStream();
            while (true)
            {
                var sizeLine = await reader.ReadLineAsync(ct) ?? throw new IOException("closed inside a chunk size");
                var size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
                if (size == 0)
                {
                    while (await reader.ReadLineAsync(ct) is { Length: > 0 })
                    {
                        // Trailers: none expected, skipped.
                    }

                    break;
                }

                all.Write(await reader.ReadExactlyAsync(size, ct));
                await reader.ReadLineAsync(ct);
            }

            body = all.ToArray();
        }
        else if (Header("Content-Length") is { } length)
        {
            body = await reader.ReadExactlyAsync(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        else
        {
            body = await reader.ReadToEndAsync(ct);
        }

        return new RawAnswer(status, headers, body);
    }

    /// <summary>Buffered reads of lines (Latin-1, CRLF) and byte runs from a socket stream.</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[65536];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct))
                {
                    return line.Length == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline < 0)
                {
                    line.Write(_buffer, _start, _end - _start);
                    _start = _end;
                    continue;
                }

                line.Write(_buffer, _start, newline - _start);
                _start = newline + 1;
                var text = Encoding.Latin1.GetString(line.ToArray());
                return text.EndsWith('\r') ? text[..^1] : text;
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken ct)
        {
            var result = new byte[count];
            var done = 0;
            while (done < count)
            {
                if (_start == _end && !await FillAsync(ct))
                {
                    throw new IOException($"closed after {done} of {count} body bytes");
                }

                var n = Math.Min(count - done, _end - _start);
                Array.Copy(_buffer, _start, result, done, n);
                _start += n;
                done += n;
            }

            return result;
        }

        public async Task<byte[]> ReadToEndAsync(CancellationToken ct)
        {
            using var all = new MemoryStream();
            all.Write(_buffer, _start, _end - _start);
            _start = _end;
            await stream.CopyToAsync(all, ct);
            return all.ToArray();
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, ct);
            return _end > 0;
        }
    }
}
