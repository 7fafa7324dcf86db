using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudFs.Common.Text;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// tempauth's account ACL (<c>X-Account-Access-Control</c>, version 2): a JSON object whose keys
/// <c>admin</c>, <c>read-write</c> and <c>read-only</c> list user groups (<c>account</c>,
/// <c>account:user</c>, or <c>AUTH_account</c> for its owners). Validated with tempauth's
/// messages; kept and shown in Swift's normal form (sorted keys, no spaces, ASCII only).
/// </summary>
public sealed record AccountAcl(IReadOnlyList<string> Admin, IReadOnlyList<string> ReadWrite, IReadOnlyList<string> ReadOnly)
{
    public const string Header = "X-Account-Access-Control";

    private static readonly string[] Keys = ["admin", "read-write", "read-only"];

    /// <summary>True when no list names anyone (Swift then ignores the ACL).</summary>
    public bool IsEmpty => Admin.Count == 0 && ReadWrite.Count == 0 && ReadOnly.Count == 0;

    /// <summary>
    /// Checks a client's header as tempauth does. On success <paramref name="normalized"/> is
    /// what to store (empty when the ACL is cleared); on failure the 400 body Swift sends.
    /// </summary>
    public static bool TryValidate(string input, out string normalized, out string error)
    {
        normalized = "";
        error = "";
        var problem = Check(input, out var lists);
        if (problem is not null)
        {
            error = $"{Header} invalid: {problem}\n\nInput: {input}\n";
            return false;
        }

        normalized = lists.Count == 0 ? "" : Format(lists);
        return true;
    }

    /// <summary>The ACL kept for an account (null when none is set, or it names nobody).</summary>
    public static AccountAcl? FromStored(string? stored)
    {
        if (string.IsNullOrEmpty(stored) || Check(stored, out var lists) is not null)
        {
            return null;
        }

        IReadOnlyList<string> Get(string key) => lists.TryGetValue(key, out var list) ? list : [];
        var acl = new AccountAcl(Get("admin"), Get("read-write"), Get("read-only"));
        return acl.IsEmpty ? null : acl;
    }

    private static string? Check(string input, out SortedDictionary<string, List<string>> lists)
    {
        lists = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        if (input.Length == 0)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input);
        }
        catch (JsonException)
        {
            return $"Syntax error in input ({PythonRepr.Of(input)})";
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"Syntax error in input ({PythonRepr.Of(input)})";
            }

            // Python keeps the last of repeated keys; the first unknown key is the one reported.
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Keys.Contains(property.Name))
                {
                    return $"Key {JsonAscii(property.Name)} not recognized";
                }

                values[property.Name] = property.Value.Clone();
            }

            foreach (var key in Keys.Where(values.ContainsKey))
            {
                var value = values[key];
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return $"Value for key {JsonAscii(key)} must be a list";
                }

                if (value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    return $"Elements of {JsonAscii(key)} list must be strings";
                }

                lists[key] = value.EnumerateArray().Select(e => e.GetString()!).ToList();
            }
        }

        return null;
    }

    /// <summary>True when one of the user's tempauth groups is in <paramref name="list"/>.</summary>
    public static bool Names(IReadOnlyList<string> list, Identity who) =>
        Groups(who).Any(list.Contains);

    // tempauth's groups for a user: its account, account:user, and AUTH_account for owners.
    private static IEnumerable<string> Groups(Identity who)
    {
        yield return who.AccountGroup;
        yield return who.User;
        if (who.Type == "owner")
        {
            yield return who.Account;
        }
    }

    // Swift's format_acl_v2: json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=True).
    private static string Format(SortedDictionary<string, List<string>> lists) =>
        "{" + string.Join(",", lists.Select(kv => JsonAscii(kv.Key) + ":[" + string.Join(",", kv.Value.Select(JsonAscii)) + "]")) + "}";

    private static string JsonAscii(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < 0x20 || c > 0x7f => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
