using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>The <c>bulk_delete</c> section of /info (clients such as the swift CLI look for it).</summary>
public sealed class BulkDeleteInfoSection(IOptions<BulkOptions> options) : IInfoSection
{
    public string Name => "bulk_delete";

    public JsonNode Build() => new JsonObject
    {
        ["max_deletes_per_request"] = options.Value.MaxDeletesPerRequest,
        ["max_failed_deletes"] = options.Value.MaxFailedDeletes,
    };
}
