using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Http;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend;

/// <summary>
/// Signs every request a role sends another (RoleClient's and YARP's alike, since both go
/// through <see cref="BackendInvoker"/>) with the cluster's backend secret, just before it leaves:
/// over the target exactly as it goes on the wire, so the receiver checks what it read.
/// </summary>
public sealed class SigningHandler(IOptions<ClusterOptions> cluster, TimeProvider time) : DelegatingHandler
{
    private readonly byte[]? _key = cluster.Value.BackendKey();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_key is not null && request.RequestUri is { } uri)
        {
            var transId = request.Headers.TryGetValues(CloudFsHeaders.TransId, out var values) ? values.FirstOrDefault() ?? "" : "";
            request.Headers.Remove(BackendSignature.Header);
            request.Headers.TryAddWithoutValidation(BackendSignature.Header,
                BackendSignature.Create(_key, request.Method.Method, uri.PathAndQuery, transId, time.GetUtcNow()));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
