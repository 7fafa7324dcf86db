using System.Globalization;
using System.Text.Json;
using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Journal;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>PUT/POST/DELETE on functional URLs of accounts, containers and objects, plus object admission and abandon.</summary>
public static class NamespaceEndpoints
{
    public static IEndpointRouteBuilder MapNamespaceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{device}/{partition:long}/{**rest}", ["PUT", "POST", "DELETE"], DispatchAsync);
        app.MapPost("/admit/{**rest}", AdmitAsync);
        app.MapPost("/abandon/{**rest}", AbandonAsync);
        return app;
    }

    private static Task<IResult> DispatchAsync(HttpContext context, AccountService accounts, ContainerService containers, ObjectService objects,
        JournalingCommitter committer, IOptions<AccountServerOptions> options, TimeProvider time)
    {
        var parsed = BackendRequest.Path(context);
        if (!parsed.IsSuccess)
        {
            return Task.FromResult(ErrorResults.From(parsed.Error));
        }

        var path = parsed.Value;

        var ctx = BackendRequest.Context(context, time);
        var method = context.Request.Method;
        var ct = context.RequestAborted;
        return (path.Container, path.Object, method) switch
        {
            (null, _, "PUT") => AccountPutAsync(accounts, ctx, path.Account, ct),
            (null, _, "POST") => AccountPostAsync(context.Request, accounts, ctx, path.Account, ct),
            ({ } c, null, "PUT") => ContainerWriteAsync(context.Request, containers, options.Value, ctx, path.Account, c, create: true, ct),
            ({ } c, null, "POST") => ContainerWriteAsync(context.Request, containers, options.Value, ctx, path.Account, c, create: false, ct),
            ({ } c, null, "DELETE") => ContainerDeleteAsync(containers, ctx, path.Account, c, ct),
            ({ } c, { } o, "PUT") when BackendRequest.Optional(context.Request, BackendHeaders.VersionId) is { } version =>
                VersionRestoreAsync(context.Request, objects, ctx, path.Account, c, o, version, ct),
            ({ } c, { } o, "PUT") => ObjectCommitAsync(context.Request, committer, ctx, path.Account, c, o, ct),
            ({ } c, { } o, "POST") => ObjectPostAsync(context.Request, objects, ctx, path.Account, c, o, ct),
            ({ } c, { } o, "DELETE") when context.Request.Headers[BackendHeaders.Recursive] == "true" => DirectoryDeleteAsync(objects, ctx, path.Account, c, o, ct),
            ({ } c, { } o, "DELETE") => ObjectDeleteAsync(context.Request, objects, ctx, path.Account, c, o, ct),
            _ => Task.FromResult(ErrorResults.From(new CloudFsError(CloudFsErrorKind.MethodNotAllowed))),
        };
    }

    private static async Task<IResult> AccountPutAsync(AccountService accounts, WriteContext ctx, string account, CancellationToken ct) =>
        OutcomeResults.Map(await accounts.CreateAsync(ctx, account, ct), _ => Results.StatusCode(StatusCodes.Status201Created));

    private static async Task<IResult> AccountPostAsync(HttpRequest request, AccountService accounts, WriteContext ctx, string account, CancellationToken ct)
    {
        var quota = AccountQuotaRequest.Parse(ctx.Caller, name => BackendRequest.Optional(request, name));
        if (!quota.IsSuccess)
        {
            return ErrorResults.From(quota.Error);
        }

        var change = MetadataRules.Parse(BackendRequest.Headers(request), MetadataScope.Account);
        // The proxy has validated and normalised the ACL and sends it only for account owners and ACL admins.
        var system = new AccountSystemChange(BackendRequest.Optional(request, AccountService.AccessControlHeader),
            BackendRequest.Optional(request, AccountSystemChange.GlobalWriteRatelimitHeader));
        return OutcomeResults.Map(await accounts.UpdateAsync(ctx, account, change, quota.Value, system, ct), _ => Results.NoContent());
    }

    private static async Task<IResult> ContainerWriteAsync(HttpRequest request, ContainerService containers, AccountServerOptions options,
        WriteContext ctx, string account, string container, bool create, CancellationToken ct)
    {
        var change = ContainerChangeParser.Parse(request, ContainerSyncTo.ParseHosts(options.AllowedSyncHosts));
        if (!change.IsSuccess)
        {
            return ErrorResults.From(change.Error);
        }

        // Swift ignores X-Storage-Policy on POST: a container's policy is set once, at creation.
        var policy = PolicyRequest.Parse(create ? request.Headers[PolicyRequest.Header].ToString() : null, containers.Policies);
        switch (policy.Kind)
        {
            case PolicyRequestKind.Unknown:
                return Results.Text(policy.Message, "text/plain", statusCode: StatusCodes.Status400BadRequest);
            case PolicyRequestKind.Deprecated:
                return ErrorResults.From(CloudFsError.BadRequest(policy.Message!));
        }

        return create
            ? OutcomeResults.Map(await containers.PutAsync(ctx, account, container, change.Value with { PolicyIndex = policy.Policy?.Index }, ct),
                // A PUT of an existing container is 202 with swob's stock "Accepted" page, as Swift's.
                created => created ? Results.StatusCode(StatusCodes.Status201Created)
                    : new SwiftTextResult(SwiftErrorPages.For(StatusCodes.Status202Accepted), "text/html; charset=UTF-8", StatusCodes.Status202Accepted))
            : OutcomeResults.Map(await containers.PostAsync(ctx, account, container, change.Value, ct), _ => Results.NoContent());
    }

    private static async Task<IResult> ContainerDeleteAsync(ContainerService containers, WriteContext ctx, string account, string container, CancellationToken ct) =>
        OutcomeResults.Map(await containers.DeleteAsync(ctx, account, container, ct), _ => Results.NoContent());

    private static async Task<IResult> ObjectCommitAsync(HttpRequest request, JournalingCommitter committer, WriteContext ctx, string account, string container, string name, CancellationToken ct)
    {
        var commit = ObjectHeaderParser.ParseCommit(request);
        if (!commit.IsSuccess)
        {
            return ErrorResults.From(commit.Error);
        }

        var value = commit.Value;
        if (request.Headers.ContainsKey(BackendHeaders.Composite))
        {
            var composite = await ObjectHeaderParser.ReadCompositeAsync(request, ct);
            if (!composite.IsSuccess)
            {
                return ErrorResults.From(composite.Error);
            }

            value = value with { Composite = composite.Value };
        }

        // A journaled commit is durable (fsynced) and will be applied in order: the client may be told 201.
        var committed = await committer.CommitAsync(ctx, account, container, name, value, ct);
        if (committed.IsSuccess && committed.Value.Result?.VersionId is { } versionId)
        {
            request.HttpContext.Response.Headers[VersionHeaders.VersionId] = versionId;
        }

        return OutcomeResults.Map(committed,
            done => Results.Json(new
            {
                object_id = done.Result?.ObjectId,
                created = done.Result?.Created,
                replaced_blob_id = done.Result?.ReplacedBlobId,
                journaled = done.Journaled,
            }, statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> VersionRestoreAsync(HttpRequest request, ObjectService objects, WriteContext ctx, string account, string container,
        string name, string versionId, CancellationToken ct)
    {
        var restored = await objects.RestoreVersionAsync(ctx, account, container, name, versionId, ct);
        if (restored.IsSuccess)
        {
            request.HttpContext.Response.Headers[BackendHeaders.Etag] = restored.Value;
            request.HttpContext.Response.Headers[VersionHeaders.VersionId] = versionId;
        }

        return OutcomeResults.Map(restored, _ => Results.StatusCode(StatusCodes.Status201Created));
    }

    private static async Task<IResult> ObjectPostAsync(HttpRequest request, ObjectService objects, WriteContext ctx, string account, string container, string name, CancellationToken ct)
    {
        var update = ObjectHeaderParser.ParseUpdate(request);
        if (!update.IsSuccess)
        {
            return ErrorResults.From(update.Error);
        }

        return OutcomeResults.Map(await objects.UpdateAsync(ctx, account, container, name, update.Value, ct), _ => Results.StatusCode(StatusCodes.Status202Accepted));
    }

    private static async Task<IResult> ObjectDeleteAsync(HttpRequest request, ObjectService objects, WriteContext ctx, string account, string container, string name,
        CancellationToken ct)
    {
        var deleted = await objects.DeleteAsync(ctx, account, container, name, ct, BackendRequest.Optional(request, BackendHeaders.VersionId));
        if (deleted.IsSuccess)
        {
            VersionHeaders.Apply(request.HttpContext.Response, deleted.Value);
        }

        return OutcomeResults.Map(deleted, done => done.Found ? Results.NoContent() : ErrorResults.From(CloudFsError.NotFound()));
    }

    private static async Task<IResult> DirectoryDeleteAsync(ObjectService objects, WriteContext ctx, string account, string container, string directory, CancellationToken ct) =>
        OutcomeResults.Map(await objects.DeleteDirectoryAsync(ctx, account, container, directory, ct),
            usage => Results.Json(new { bytes = usage.Bytes, objects = usage.Objects }));

    private static async Task<IResult> AdmitAsync(HttpContext context, ObjectService objects, TimeProvider time)
    {
        var parsed = BackendRequest.Path(context, "/admit");
        if (!parsed.IsSuccess)
        {
            return ErrorResults.From(parsed.Error);
        }

        if (parsed.Value is not { Container: { } container, Object: { } name } path)
        {
            return ErrorResults.From(CloudFsError.BadRequest("Admission names an object: /admit/{device}/{partition}/{account}/{container}/{object}"));
        }

        var lengthHeader = context.Request.Headers[BackendHeaders.ContentLength].ToString();
        var length = long.TryParse(lengthHeader, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : -1;
        var ctx = BackendRequest.Context(context, time);
        return OutcomeResults.Map(await objects.AdmitAsync(ctx, path.Account, container, name, length, context.RequestAborted),
            admission => Results.Json(admission, ContractJson.Default.Admission));
    }

    // The path names the object for routing (the account's partition) and logs; the body says what to free.
    private static async Task<IResult> AbandonAsync(HttpContext context, JournalingCommitter committer, TimeProvider time)
    {
        var parsed = BackendRequest.Path(context, "/abandon");
        if (!parsed.IsSuccess)
        {
            return ErrorResults.From(parsed.Error);
        }

        Abandonment? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, ContractJson.Default.Abandonment, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || body.BlobIds.Count > MaxAbandonedBlobs || body.BlobIds.Any(id => !IsBlobId(id)))
        {
            return ErrorResults.From(CloudFsError.BadRequest("Abandon takes {\"reservation\": ..., \"blob_ids\": [...]} with blob ids of 32 hex digits."));
        }

        var path = parsed.Value;
        await committer.AbandonAsync(BackendRequest.Context(context, time), path.Account, path.Container ?? "", path.Object ?? "", body, context.RequestAborted);
        return Results.NoContent();
    }

    // An upload writes one blob; a static large object's manifest at most one per inline segment.
    private const int MaxAbandonedBlobs = 10_000;

    private static bool IsBlobId(string id) => id.Length == 32 && !id.AsSpan().ContainsAnyExcept("0123456789abcdef");
}
