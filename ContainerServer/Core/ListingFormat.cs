namespace CloudFs.ContainerServer.Core;

/// <summary>The body formats of account and container listings.</summary>
public enum ListingFormat
{
    Plain,
    Json,
    Xml,
}
