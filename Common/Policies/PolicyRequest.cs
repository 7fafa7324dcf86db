namespace CloudFs.Common.Policies;

/// <summary>
/// What a container PUT's X-Storage-Policy asks for, judged as Swift's proxy does: nothing
/// (absent or empty: the default for a new container), a usable policy by name or alias, or a
/// refusal with Swift's 400 body (an unknown name is answered text/plain, a deprecated one text/html).
/// </summary>
public sealed record PolicyRequest(PolicyRequestKind Kind, StoragePolicy? Policy, string? Message)
{
    public const string Header = "X-Storage-Policy";

    public static PolicyRequest Parse(string? header, StoragePolicyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (string.IsNullOrEmpty(header))
        {
            return new(PolicyRequestKind.None, null, null);
        }

        if (table.ByName(header) is not { } policy)
        {
            return new(PolicyRequestKind.Unknown, null, $"Invalid {Header} '{header}'");
        }

        return policy.IsDeprecated
            ? new(PolicyRequestKind.Deprecated, policy, $"Storage Policy '{policy.Name}' is deprecated")
            : new(PolicyRequestKind.Found, policy, null);
    }
}
