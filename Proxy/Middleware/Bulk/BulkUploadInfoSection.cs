using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>The <c>bulk_upload</c> section of /info: the archive extraction limits.</summary>
public sealed class BulkUploadInfoSection(IOptions<BulkOptions> options) : IInfoSection
{
    public string Name => "bulk_upload";

    public JsonNode Build() => new JsonObject
    {
        ["max_containers_per_extraction"] = options.Value.MaxContainersPerExtraction,
        ["max_failed_extractions"] = options.Value.MaxFailedExtractions,
    };
}
