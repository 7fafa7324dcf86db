using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// The account server's answer to an upload admission: the quota reservation the commit names,
/// and the container's storage policy, whose object ring the proxy writes the blob to.
/// </summary>
public sealed record Admission(
    [property: JsonPropertyName("reservation")] string Reservation,
    [property: JsonPropertyName("policy_index")] int PolicyIndex = 0);
