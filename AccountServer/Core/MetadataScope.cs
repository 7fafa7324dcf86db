namespace CloudFs.AccountServer.Core;

/// <summary>Whose metadata a header family sets: X-Account-Meta-*, X-Container-Meta-*, X-Object-Meta-*.</summary>
public enum MetadataScope
{
    Account,
    Container,
    Object,
}
