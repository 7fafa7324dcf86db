using System.Globalization;
using System.Text.Json.Serialization;
using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Data;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Users (admin), self-registration, the resource firewall (admin) and the operation history (owner, admin).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/users", async (HttpContext context, UserService users) =>
        {
            if (!BackendRequest.Caller(context.Request).IsAdmin)
            {
                return ErrorResults.From(Access.Forbidden());
            }

            var list = await users.ListAsync(context.Request.Query["account"].FirstOrDefault(), context.RequestAborted);
            return Results.Json(list.Select(View));
        });
        app.MapPut("/users/{account}/{user}", async (HttpContext context, string account, string user, UserBody body, UserService users, TimeProvider time) =>
            OutcomeResults.Map(await users.CreateAsync(BackendRequest.Context(context, time),
                new NewUser(account, user, body.Key ?? "", ParseType(body.Type) ?? UserType.Owner, body.Email), context.RequestAborted),
                row => Results.Json(View(row), statusCode: StatusCodes.Status201Created)));
        app.MapPost("/users/{account}/{user}", async (HttpContext context, string account, string user, UserBody body, UserService users, TimeProvider time) =>
            OutcomeResults.Map(await users.UpdateAsync(BackendRequest.Context(context, time), account, user,
                new UserChange(body.Key, body.Email, ParseType(body.Type), body.Enabled), context.RequestAborted),
                row => Results.Json(View(row))));
        app.MapDelete("/users/{account}/{user}", async (HttpContext context, string account, string user, UserService users, TimeProvider time) =>
            OutcomeResults.Map(await users.DeleteAsync(BackendRequest.Context(context, time), account, user, context.RequestAborted), _ => Results.NoContent()));
        app.MapPost("/register", async (HttpContext context, RegisterBody body, UserService users, TimeProvider time) =>
            OutcomeResults.Map(await users.RegisterAsync(BackendRequest.Context(context, time),
                new NewUser(body.Account ?? "", body.User ?? "", body.Key ?? "", UserType.Owner, body.Email), context.RequestAborted),
                row => Results.Json(View(row), statusCode: StatusCodes.Status201Created)));
        // Whether the sign-in page offers registration: anyone may ask.
        app.MapGet("/register", async (SettingService settings, CancellationToken ct) =>
            Results.Json(new RegistrationState(await settings.IsOnAsync(UserService.SelfRegistrationSetting, ct))));
        app.MapGet("/settings", async (HttpContext context, SettingService settings) =>
            BackendRequest.Caller(context.Request).IsAdmin
                ? Results.Json(await settings.ListAsync(context.RequestAborted))
                : ErrorResults.From(Access.Forbidden()));
        app.MapPut("/settings/{name}", async (HttpContext context, string name, SettingBody body, SettingService settings, TimeProvider time) =>
            OutcomeResults.Map(await settings.SetAsync(BackendRequest.Context(context, time), name, body.Value, context.RequestAborted), _ => Results.NoContent()));
        app.MapGet("/firewall", async (HttpContext context, FirewallService firewall) =>
            OutcomeResults.Map(await firewall.ListAsync(BackendRequest.Caller(context.Request), context.Request.Query["account"].FirstOrDefault(), context.RequestAborted),
                list => Results.Json(list.Select(r => new DisabledView(r.Account, r.Path, r.Type, r.DisabledAt)))));
        app.MapPost("/firewall/{**rest}", FirewallAsync);
        app.MapGet("/records/{**rest}", RecordsAsync);
        app.MapPost("/usage-check/{**rest}", UsageCheckAsync);
        app.MapPost("/garbage/claim", GarbageClaimAsync);
        return app;
    }

    private static async Task<IResult> FirewallAsync(HttpContext context, FirewallService firewall, TimeProvider time)
    {
        var parsed = BackendRequest.Path(context, "/firewall");
        var state = context.Request.Query["state"].ToString();
        if (parsed.Value is not { } path || state is not ("enabled" or "disabled"))
        {
            return ErrorResults.From(CloudFsError.BadRequest("POST /firewall/{device}/{partition}/{account}[/{container}[/{path}]]?state=enabled|disabled"));
        }

        return OutcomeResults.Map(await firewall.SetStateAsync(BackendRequest.Context(context, time), path.Account, path.Container, path.Object,
            state == "enabled", context.RequestAborted), _ => Results.NoContent());
    }

    private static async Task<IResult> RecordsAsync(HttpContext context, RecordService records)
    {
        var parsed = BackendRequest.Path(context, "/records");
        if (!parsed.IsSuccess)
        {
            return ErrorResults.From(parsed.Error);
        }

        var path = parsed.Value;

        var q = context.Request.Query;
        var query = new RecordQuery(path.Account,
            UserId: Long(q["user_id"]),
            PathPrefix: q["path"].FirstOrDefault(),
            Action: q["action"].FirstOrDefault(),
            Since: Long(q["since"]),
            Until: Long(q["until"]),
            BeforeId: Long(q["marker"]),
            Limit: (int?)Long(q["limit"]) ?? 1000);
        return OutcomeResults.Map(await records.QueryAsync(BackendRequest.Caller(context.Request), query, context.RequestAborted),
            rows => Results.Json(rows.Select(r => new
            {
                id = r.Id, user_id = r.UserId, account = r.Account, action = r.Action, path = r.Path, object_id = r.StobjId,
                size = r.Size, trans_id = r.TransId, result = r.Result, time = r.CreatedAt,
            })));
    }

    private static async Task<IResult> UsageCheckAsync(HttpContext context, UsageAudit audit)
    {
        var parsed = BackendRequest.Path(context, "/usage-check");
        if (!parsed.IsSuccess)
        {
            return ErrorResults.From(parsed.Error);
        }

        var path = parsed.Value;

        var repair = context.Request.Query["repair"] == "true";
        return OutcomeResults.Map(await audit.CheckAsync(BackendRequest.Caller(context.Request), path.Account, repair, context.RequestAborted),
            drifts => Results.Json(new { repaired = repair, drifts }));
    }

    // For the object servers' collectors: unnamed blobs past the grace period. A POST, because
    // the first page of a pass also purges rows past the reclaim age.
    private static async Task<IResult> GarbageClaimAsync(HttpContext context, GarbageService garbage)
    {
        var marker = context.Request.Query["marker"].ToString();
        var limit = (int)Math.Clamp(Long(context.Request.Query["limit"]) ?? 1000, 1, 10_000);
        var page = await garbage.ClaimAsync(marker, limit, context.RequestAborted);
        return Results.Json(page, ContractJson.Default.GarbageCandidates);
    }

    private static long? Long(string? value) => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static UserType? ParseType(string? type) => Enum.TryParse<UserType>(type, ignoreCase: true, out var t) ? t : null;

    private static object View(UserRow row) => new
    {
        id = row.Id, user = row.Name, account = "AUTH_" + row.Account, email = row.Email, type = row.Type, state = row.State,
    };

    /// <summary>JSON body of user create/update.</summary>
    public sealed record UserBody(
        [property: JsonPropertyName("key")] string? Key,
        [property: JsonPropertyName("email")] string? Email,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("enabled")] bool? Enabled);

    /// <summary>JSON body of a setting change.</summary>
    public sealed record SettingBody([property: JsonPropertyName("value")] string? Value);

    /// <summary>Whether self-registration is on.</summary>
    public sealed record RegistrationState([property: JsonPropertyName("enabled")] bool Enabled);

    /// <summary>One disabled resource in the firewall's list.</summary>
    public sealed record DisabledView(
        [property: JsonPropertyName("account")] string Account,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("disabled_at")] long DisabledAt);

    /// <summary>JSON body of self-registration.</summary>
    public sealed record RegisterBody(
        [property: JsonPropertyName("account")] string? Account,
        [property: JsonPropertyName("user")] string? User,
        [property: JsonPropertyName("key")] string? Key,
        [property: JsonPropertyName("email")] string? Email);
}
