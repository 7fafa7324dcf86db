using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>The <c>tempurl</c> section of /info, shaped as Swift's filter_factory registers it.</summary>
public sealed class TempUrlInfoSection(IOptions<TempUrlOptions> options) : IInfoSection
{
    public string Name => "tempurl";

    public JsonNode Build()
    {
        var o = options.Value;
        var digests = o.Digests();
        var section = new JsonObject
        {
            ["methods"] = Words(o.Methods),
            ["incoming_remove_headers"] = Words(o.IncomingRemoveHeaders),
            ["incoming_allow_headers"] = Words(o.IncomingAllowHeaders),
            ["outgoing_remove_headers"] = Words(o.OutgoingRemoveHeaders),
            ["outgoing_allow_headers"] = Words(o.OutgoingAllowHeaders),
            ["allowed_digests"] = new JsonArray(digests.Select(d => (JsonNode?)d).ToArray()),
        };
        var deprecated = digests.Intersect(TempUrlSignature.Deprecated).ToList();
        if (deprecated.Count > 0)
        {
            section["deprecated_digests"] = new JsonArray(deprecated.Select(d => (JsonNode?)d).ToArray());
        }

        return section;
    }

    private static JsonArray Words(string value) => new(HeaderRules.Words(value).Select(w => (JsonNode?)w).ToArray());
}
