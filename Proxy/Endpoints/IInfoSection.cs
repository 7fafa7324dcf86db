using System.Text.Json.Nodes;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// One top-level section of <c>/info</c>. Swift's middlewares each advertise themselves and
/// their settings there (<c>tempurl</c>, <c>slo</c>, ...), so each of ours registers one of
/// these beside itself instead of <see cref="InfoDocument"/> knowing every middleware.
/// </summary>
public interface IInfoSection
{
    /// <summary>The section's key in the document, as Swift names it.</summary>
    string Name { get; }

    /// <summary>The section's value; built per request so it follows the options.</summary>
    JsonNode Build();
}
