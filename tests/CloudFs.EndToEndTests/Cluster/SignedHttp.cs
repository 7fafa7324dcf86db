using CloudFs.Backend;
using CloudFs.Common.Hosting;
using Microsoft.Extensions.Options;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// The HTTP client of a test cluster: it signs every request with the clusters' backend secret,
/// as a role would, so tests may also talk to a role server directly (a blob GET, a recon).
/// </summary>
public static class SignedHttp
{
    public static HttpClient Create() =>
        new(new SigningHandler(Options.Create(new ClusterOptions { BackendSecret = RoleConfigFiles.BackendSecret }), TimeProvider.System)
        {
            InnerHandler = new SocketsHttpHandler(),
        })
        { Timeout = TimeSpan.FromSeconds(30) };
}
