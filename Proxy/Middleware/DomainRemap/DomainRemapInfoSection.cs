using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.DomainRemap;

/// <summary>The <c>domain_remap</c> section of /info: only the default reseller prefix (null when unset), as Swift shows it.</summary>
public sealed class DomainRemapInfoSection(IOptions<DomainRemapOptions> options) : IInfoSection
{
    public string Name => "domain_remap";

    public JsonNode Build() => new JsonObject { ["default_reseller_prefix"] = options.Value.DefaultResellerPrefix };
}
