using System.CommandLine;
using System.Text.Json.Nodes;
using CloudFs.Cli.Client;
using CloudFs.Cli.Output;

namespace CloudFs.Cli.Commands;

/// <summary><c>cloudfs user list|create|disable|enable|passwd|delete</c> (cluster admin).</summary>
public static class UserCommands
{
    public static Command Build()
    {
        var user = new Command("user", "Manage users (cluster admin only)");

        var account = new Option<string?>("--account") { Description = "Only users of this account (without AUTH_)" };
        var list = new Command("list", "List users") { account };
        CommandAction.Set(list, async (r, client, ct) =>
        {
            var query = r.GetValue(account) is { } a ? "?account=" + Uri.EscapeDataString(a) : "";
            Printer.Print(JsonNode.Parse(await client.SendOkAsync(HttpMethod.Get, "/admin/users" + query, ct: ct)), r.GetValue(GlobalOptions.Json),
                "user", "account", "type", "state", "email");
        });

        var name = new Argument<string>("account:user") { Description = "The user, as account:user" };
        var key = new Option<string>("--key") { Description = "The user's key (password)", Required = true };
        var type = new Option<string>("--type") { Description = "owner (whole account), member (only what ACLs grant) or admin (every account)", DefaultValueFactory = _ => "owner" };
        type.AcceptOnlyFromAmong("owner", "member", "admin");
        var email = new Option<string?>("--email") { Description = "Email, the user's other login name" };
        var create = new Command("create", "Create a user (and its account when new)") { name, key, type, email };
        CommandAction.Set(create, async (r, client, ct) =>
        {
            var body = new JsonObject { ["key"] = r.GetValue(key), ["type"] = r.GetValue(type), ["email"] = r.GetValue(email) };
            Printer.Print(JsonNode.Parse(await client.SendOkAsync(HttpMethod.Put, UserPath(r.GetValue(name)!), CloudFsClient.Json(body.ToJsonString()), ct: ct)),
                r.GetValue(GlobalOptions.Json), "user", "account", "type", "state", "email");
        });

        user.Subcommands.Add(list);
        user.Subcommands.Add(create);
        user.Subcommands.Add(Update("disable", "Disable a user: its tokens stop working at once", name, _ => new JsonObject { ["enabled"] = false }));
        user.Subcommands.Add(Update("enable", "Enable a disabled user", name, _ => new JsonObject { ["enabled"] = true }));
        var newKey = new Option<string>("--key") { Description = "The new key", Required = true };
        user.Subcommands.Add(Update("passwd", "Set a user's key; its tokens stop working", name, r => new JsonObject { ["key"] = r.GetValue(newKey) }, newKey));

        var delete = new Command("delete", "Delete a user; deleting an account's last user deletes the account's data") { name };
        CommandAction.Set(delete, async (r, client, ct) =>
        {
            await client.SendOkAsync(HttpMethod.Delete, UserPath(r.GetValue(name)!), ct: ct);
            Console.WriteLine($"deleted {r.GetValue(name)}");
        });
        user.Subcommands.Add(delete);
        return user;
    }

    private static Command Update(string verb, string description, Argument<string> name, Func<ParseResult, JsonObject> body, params Option[] options)
    {
        var command = new Command(verb, description) { name };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        CommandAction.Set(command, async (r, client, ct) =>
        {
            var answer = await client.SendOkAsync(HttpMethod.Post, UserPath(r.GetValue(name)!), CloudFsClient.Json(body(r).ToJsonString()), ct: ct);
            Printer.Print(JsonNode.Parse(answer), r.GetValue(GlobalOptions.Json), "user", "account", "type", "state", "email");
        });
        return command;
    }

    private static string UserPath(string name)
    {
        var colon = name.IndexOf(':');
        return colon > 0 && colon < name.Length - 1
            ? $"/admin/users/{Uri.EscapeDataString(name[..colon])}/{Uri.EscapeDataString(name[(colon + 1)..])}"
            : throw new CliException($"'{name}' is not account:user");
    }
}
