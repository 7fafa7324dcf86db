using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// Turns one step of tests/Conformance/cases/*.json into the request bytes, exactly as
/// tests/Conformance/record.py does for Swift: templates, token, tempurl query, formpost
/// body, chunked framing, Content-Length.
/// </summary>
public static partial class StepRequest
{
    private const string Boundary = "cfconformanceboundary";

    public static string Method(JsonObject step) => (string?)step["m"] ?? "GET";

    public static string Target(JsonObject step, StepContext ctx)
    {
        var target = Fill((string?)step["p"] ?? "/", ctx);
        if (step["tempurl"] is JsonObject t)
        {
            target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + TempUrlQuery(t, ctx);
        }

        return target;
    }

    public static byte[] Build(JsonObject step, StepContext ctx)
    {
        var method = Method(step);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in step["h"] as JsonObject ?? [])
        {
            headers.Add(new(name, Fill((string)value!, ctx)));
        }

        var user = step.ContainsKey("u") ? (string?)step["u"] : "tester";
        if (user is not null and not "anon")
        {
            headers.Insert(0, new("X-Auth-Token", ctx.Tokens[user]));
        }

        var body = Body(step, ctx);
        if (step["formpost"] is JsonObject f)
        {
            body = FormPostBody(f, ctx);
            headers.Add(new("Content-Type", "multipart/form-data; boundary=" + Boundary));
        }

        bool Has(string name) => headers.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (step["chunks"] is JsonArray chunks)
        {
            using var framed = new MemoryStream();
            foreach (var chunk in chunks)
            {
                var bytes = Encoding.UTF8.GetBytes(Fill((string)chunk!, ctx));
                framed.Write(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"));
                framed.Write(bytes);
                framed.Write("\r\n"u8);
            }

            framed.Write("0\r\n\r\n"u8);
            body = framed.ToArray();
            if (!Has("Transfer-Encoding"))
            {
                headers.Add(new("Transfer-Encoding", "chunked"));
            }
        }
        else if (!Has("Content-Length") && step["noLength"] is null && (body.Length > 0 || method is "PUT" or "POST"))
        {
            headers.Add(new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        }

        var head = new StringBuilder().Append(method).Append(' ').Append(Target(step, ctx)).Append(" HTTP/1.1\r\n");
        if (!Has("Host"))
        {
            head.Append("Host: ").Append(ctx.Host).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. body];
    }

    /// <summary>{account}, {account:USER}, {token:USER}, {c}, {c2}..., {now+N}, {now-N}.</summary>
    public static string Fill(string text, StepContext ctx) => Template().Replace(text, m =>
    {
        var word = m.Groups[1].Value;
        if (word == "account")
        {
            return ctx.Accounts["tester"];
        }

        if (word.StartsWith("account:", StringComparison.Ordinal))
        {
            return ctx.Accounts[word[8..]];
        }

        if (word.StartsWith("token:", StringComparison.Ordinal))
        {
            return ctx.Tokens[word[6..]];
        }

        if (ContainerWord().IsMatch(word))
        {
            return word == "c" ? ctx.Container : ctx.Container + "-" + word[1..];
        }

        if (NowWord().Match(word) is { Success: true } now)
        {
            return (Now() + long.Parse(now.Groups[1].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        }

        return m.Value;
    });

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static byte[] Body(JsonObject step, StepContext ctx)
    {
        if (step["b64"] is { } b64)
        {
            return Convert.FromBase64String((string)b64!);
        }

        if (step["repeat"] is JsonArray repeat)
        {
            return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat((string)repeat[0]!, (int)repeat[1]!)));
        }

        return step["b"] is { } b ? Encoding.UTF8.GetBytes(Fill((string)b!, ctx)) : [];
    }

    private static string TempUrlQuery(JsonObject t, StepContext ctx)
    {
        var path = Fill((string)t["path"]!, ctx);
        var expires = t["expires"] is { } fixedExpires ? (long)fixedExpires : Now() + ((long?)t["expiresIn"] ?? 300);
        var prefix = (string?)t["prefix"];
        var ip = (string?)t["ip"];
        var message = SwiftSignatures.TempUrlMessage((string?)t["sigMethod"] ?? (string?)t["method"] ?? "GET", expires, path, prefix, ip);
        var sig = (string?)t["sig"] ?? SwiftSignatures.Sign(Fill((string)t["key"]!, ctx), message,
            (string?)t["digest"] ?? "sha1", (string?)t["encoding"] ?? "hex");
        if (t["upper"] is { } upper && (bool)upper)
        {
            sig = sig.ToUpperInvariant();
        }

        var query = $"temp_url_sig={Uri.EscapeDataString(sig)}&temp_url_expires={(string?)t["expiresText"] ?? expires.ToString(CultureInfo.InvariantCulture)}";
        if (prefix is not null)
        {
            query += "&temp_url_prefix=" + Uri.EscapeDataString(prefix);
        }

        if (ip is not null)
        {
            query += "&temp_url_ip_range=" + Uri.EscapeDataString(ip);
        }

        return t["extra"] is { } extra ? query + "&" + (string)extra! : query;
    }

    private static byte[] FormPostBody(JsonObject f, StepContext ctx)
    {
        var path = Fill((string)f["path"]!, ctx);
        var expires = Now() + ((long?)f["expiresIn"] ?? 300);
        var redirect = (string?)f["redirect"] ?? "";
        var size = (long?)f["maxFileSize"] ?? 1024;
        var count = (long?)f["maxFileCount"] ?? 5;
        var sig = (string?)f["sig"] ?? SwiftSignatures.Sign(Fill((string)f["key"]!, ctx),
            SwiftSignatures.FormPostMessage(path, redirect, size, count, expires), (string?)f["digest"] ?? "sha1", (string?)f["encoding"] ?? "hex");
        var form = new StringBuilder();
        foreach (var (name, value) in new[] { ("redirect", redirect), ("max_file_size", $"{size}"), ("max_file_count", $"{count}"), ("expires", $"{expires}"), ("signature", sig) })
        {
            form.Append(CultureInfo.InvariantCulture, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        var i = 0;
        foreach (var file in (JsonArray)f["files"]!)
        {
            i++;
            form.Append(CultureInfo.InvariantCulture,
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file{i}\"; filename=\"{(string)file!["filename"]!}\"\r\nContent-Type: {(string?)file["type"] ?? "text/plain"}\r\n\r\n{(string)file["content"]!}\r\n");
        }

        form.Append(CultureInfo.InvariantCulture, $"--{Boundary}--\r\n");
        return Encoding.UTF8.GetBytes(form.ToString());
    }

    /// <summary>The MD5 of a text as a lower-case hex ETag (for "etagOf" checks).</summary>
    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\{([a-z0-9:+-]+)\}")]
    private static partial Regex Template();

    [GeneratedRegex(@"^c\d*$")]
    private static partial Regex ContainerWord();

    [GeneratedRegex(@"^now([+-]\d+)$")]
    private static partial Regex NowWord();
}
