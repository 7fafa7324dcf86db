using System.Text.Json.Nodes;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// Swift's account_quotas registers an empty <c>account_quotas</c> section in /info. CloudFs's
/// account quotas are part of the catalog (the account server enforces them at admission), so
/// the section is always there.
/// </summary>
public sealed class AccountQuotasInfoSection : IInfoSection
{
    public string Name => "account_quotas";

    public JsonNode Build() => new JsonObject();
}
