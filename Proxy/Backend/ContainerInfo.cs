using System.Globalization;
using CloudFs.Proxy.Cors;

namespace CloudFs.Proxy.Backend;

/// <summary>
/// What the proxy's own rules read from a container's HEAD (Swift's <c>container_info</c>):
/// its CORS settings and its object count (the rate limit tiers).
/// </summary>
public sealed record ContainerInfo(ContainerCors Cors, long ObjectCount)
{
    /// <summary>Object versioning was enabled there once (its names answer with X-Object-Version-Id).</summary>
    public bool Versioned { get; init; }

    /// <summary>A container that does not exist: no CORS settings, no objects.</summary>
    public static readonly ContainerInfo Missing = new(ContainerCors.None, 0);

    public static ContainerInfo From(Func<string, string?> header) => new(
        new ContainerCors(header(ContainerCors.AllowOriginHeader), header(ContainerCors.ExposeHeadersHeader), header(ContainerCors.MaxAgeHeader)),
        long.TryParse(header("X-Container-Object-Count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0)
    {
        Versioned = header(Common.Contracts.BackendHeaders.Versioned) == "true",
    };
}
