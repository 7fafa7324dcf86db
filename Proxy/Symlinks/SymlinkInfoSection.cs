using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Symlinks;

/// <summary>Swift's <c>symlink</c> section of /info: the loop limit, and that static links are supported.</summary>
public sealed class SymlinkInfoSection(IOptions<SymlinkOptions> options) : IInfoSection
{
    public string Name => "symlink";

    public JsonNode Build() => new JsonObject
    {
        ["symloop_max"] = options.Value.EffectiveSymloopMax,
        ["static_links"] = true,
    };
}
