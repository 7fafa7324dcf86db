using System.Globalization;
using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;

namespace CloudFs.Proxy.Backend;

/// <summary>
/// The catalog calls the proxy makes for itself: admission and commit on the account server
/// that owns the account, resolve and container ACLs on the container servers.
/// </summary>
public sealed partial class CatalogClient(RoleClient client, RingSet rings, NodeSelector selector, ILogger<CatalogClient>? logger = null,
    AdmissionCache? admissions = null)
{
    /// <summary>
    /// Asks the account server to admit an upload of <paramref name="length"/> bytes (-1: unknown):
    /// the reservation and the container's policy. Where a recent admission into the container
    /// held nothing, that answer is reused (<see cref="AdmissionCache"/>) and nothing is asked.
    /// </summary>
    public async Task<Outcome<Admission>> AdmitAsync(ResourcePath path, long length, CallContext call, CancellationToken ct)
    {
        if (admissions?.Policy(path.Account, path.Container!) is { } policy)
        {
            return new Admission("", policy);
        }

        var (ring, part) = (rings.Account, rings.Account.GetPartition(path.Account));
        var response = await client.SendAsync(selector.ForAccountWrite(ring, part), node =>
        {
            var request = RoleClient.Request(HttpMethod.Post, node, BackendUris.Catalog(node, part, path.Account, path.Container, path.Object, "/admit"), call);
            request.Headers.TryAddWithoutValidation(BackendHeaders.ContentLength, length.ToString(CultureInfo.InvariantCulture));
            return request;
        }, idempotent: false, ct);
        if (response is null)
        {
            return new CloudFsError(CloudFsErrorKind.ServiceUnavailable);
        }

        if (!response.IsSuccess)
        {
            return StatusKinds.ToError(response);
        }

        var admission = JsonSerializer.Deserialize(response.Body, ContractJson.Default.Admission) ?? new Admission("");
        admissions?.Admitted(path.Account, path.Container!, admission.Reservation, admission.PolicyIndex);
        return admission;
    }

    /// <summary>
    /// After a commit the account server refused: a missing container (404), the firewall (403) or
    /// a quota (413) means the container's cached admission no longer holds.
    /// </summary>
    public void CommitRefused(ResourcePath path, int status)
    {
        if (status is 403 or 404 or 413 && path.Container is { } container)
        {
            admissions?.Forget(path.Account, container);
        }
    }

    /// <summary>
    /// Frees what an upload that will not be committed holds: its reservation at once, its blobs
    /// queued for collection. Best effort, and a no-op once the commit was answered; when no
    /// account server takes it, the reservation's expiry and fsck remain the backstop. Runs on
    /// its own (node-timeout bounded) clock: it matters most when the client has gone.
    /// </summary>
    public async Task AbandonAsync(PendingUpload upload, CallContext call)
    {
        var blobs = upload.Blobs;
        if (upload.Settled || (upload.Reservation.Length == 0 && blobs.Count == 0))
        {
            return;
        }

        var path = upload.Path;
        var (ring, part) = (rings.Account, rings.Account.GetPartition(path.Account));
        var body = JsonSerializer.SerializeToUtf8Bytes(new Abandonment(upload.Reservation, blobs), ContractJson.Default.Abandonment);
        BackendResponse? response = null;
        try
        {
            response = await client.SendAsync(selector.ForAccountWrite(ring, part), node =>
            {
                var request = RoleClient.Request(HttpMethod.Post, node, BackendUris.Catalog(node, part, path.Account, path.Container, path.Object, "/abandon"), call);
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return request;
            }, idempotent: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or BackendUnavailableException)
        {
            // Logged below as not taken.
        }

        if (response is { IsSuccess: true })
        {
            upload.Settle();
            if (logger is not null)
            {
                Log.Abandoned(logger, path.Account, blobs.Count, call.TransId);
            }
        }
        else if (logger is not null)
        {
            Log.AbandonFailed(logger, path.Account, response?.Status ?? 0, call.TransId);
        }
    }

    /// <summary>A write on the account server that owns the account (commit, object POST or DELETE); <paramref name="body"/> goes with it (a large object's pieces).</summary>
    public async Task<BackendResponse?> WriteAsync(HttpMethod method, ResourcePath path, IEnumerable<KeyValuePair<string, string>> headers,
        CallContext call, CancellationToken ct, byte[]? body = null)
    {
        var (ring, part) = (rings.Account, rings.Account.GetPartition(path.Account));
        var list = headers.ToList();
        return await client.SendAsync(selector.ForAccountWrite(ring, part), node =>
        {
            var request = RoleClient.Request(method, node, BackendUris.Catalog(node, part, path.Account, path.Container, path.Object), call);
            request.Content = new ByteArrayContent(body ?? []);
            foreach (var (name, value) in list)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return request;
        }, idempotent: false, ct);
    }

    /// <summary>Resolves one object name on a container server (with <paramref name="versionId"/>: that version of it).</summary>
    public async Task<Outcome<ObjectRecord>> ResolveAsync(ResourcePath path, CallContext call, CancellationToken ct, string? versionId = null)
    {
        var ring = rings.Container;
        var part = ring.GetPartition(path.Account, path.Container!);
        var query = versionId is null ? "" : "?version-id=" + Uri.EscapeDataString(versionId);
        var response = await client.SendAsync(selector.ForRead(ring, part), node =>
            RoleClient.Request(HttpMethod.Get, node, BackendUris.Catalog(node, part, path.Account, path.Container, path.Object) + query, call),
            idempotent: true, ct);
        if (response is null || response.Status >= 500)
        {
            return new CloudFsError(CloudFsErrorKind.ServiceUnavailable);
        }

        return response.Status == 200 && JsonSerializer.Deserialize(response.Body, ContractJson.Default.ResolvedObject) is { } resolved
            ? ObjectRecord.From(resolved)
            : StatusKinds.ToError(response);
    }

    /// <summary>The container's ACLs (null when the container does not exist).</summary>
    public async Task<ContainerAcl?> AclAsync(string account, string container, CallContext call, CancellationToken ct)
    {
        var response = await SystemHeadAsync(account, container, call, ct);
        return response.IsSuccess ? ContainerAcl.Parse(response.Header("X-Container-Read"), response.Header("X-Container-Write")) : null;
    }

    /// <summary>The container's CORS settings and object count, read as the system (<see cref="ContainerInfo.Missing"/> when it does not exist).</summary>
    public async Task<ContainerInfo> ContainerInfoAsync(string account, string container, CallContext call, CancellationToken ct)
    {
        var response = await SystemHeadAsync(account, container, call, ct);
        return response.IsSuccess ? ContainerInfo.From(response.Header) : ContainerInfo.Missing;
    }

    /// <summary>The account's tempauth ACL, read as the system (null when none is set or the account does not exist).</summary>
    public async Task<AccountAcl?> AccountAclAsync(string account, CallContext call, CancellationToken ct) =>
        (await AccountInfoAsync(account, call, ct)).Acl;

    /// <summary>The account's ACL and global write rate, read as the system (<see cref="AccountInfo.Missing"/> when it does not exist).</summary>
    public async Task<AccountInfo> AccountInfoAsync(string account, CallContext call, CancellationToken ct)
    {
        var response = await SystemHeadAsync(account, null, call, ct);
        return response.IsSuccess
            ? new AccountInfo(AccountAcl.FromStored(response.Header(AccountAcl.Header)), response.Header(BackendHeaders.GlobalWriteRatelimit))
            : AccountInfo.Missing;
    }

    // A HEAD of an account or container as the system, for the proxy's own access and
    // middleware rules; no answer from any container server means the request cannot be decided.
    private async Task<BackendResponse> SystemHeadAsync(string account, string? container, CallContext call, CancellationToken ct)
    {
        var ring = rings.Container;
        var part = container is null ? ring.GetPartition(account) : ring.GetPartition(account, container);
        var response = await client.SendAsync(selector.ForRead(ring, part), node =>
            RoleClient.Request(HttpMethod.Head, node, BackendUris.Catalog(node, part, account, container), call.AsSystem()),
            idempotent: true, ct);
        return response is null || response.Status >= 500
            ? throw new BackendUnavailableException($"No container server answered the {(container is null ? "account" : "container")} lookup.")
            : response;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Upload abandoned on {Account}: reservation released, {Blobs} blob(s) queued for collection {TransId}")]
        public static partial void Abandoned(ILogger logger, string account, int blobs, string transId);

        [LoggerMessage(2, LogLevel.Warning, "Upload abandon on {Account} not taken (status {Status}; 0: no answer): the reservation expires later {TransId}")]
        public static partial void AbandonFailed(ILogger logger, string account, int status, string transId);
    }
}
