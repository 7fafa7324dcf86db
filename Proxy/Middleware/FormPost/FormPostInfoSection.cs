using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Middleware.TempUrl;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary>The <c>formpost</c> section of /info: its digests, as Swift's filter_factory registers them.</summary>
public sealed class FormPostInfoSection(IOptions<FormPostOptions> options) : IInfoSection
{
    public string Name => "formpost";

    public JsonNode Build()
    {
        var digests = new TempUrlOptions { AllowedDigests = options.Value.AllowedDigests }.Digests();
        var section = new JsonObject { ["allowed_digests"] = new JsonArray(digests.Select(d => (JsonNode?)d).ToArray()) };
        var deprecated = digests.Intersect(TempUrlSignature.Deprecated).ToList();
        if (deprecated.Count > 0)
        {
            section["deprecated_digests"] = new JsonArray(deprecated.Select(d => (JsonNode?)d).ToArray());
        }

        return section;
    }
}
