using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>The account server's answer to an upload admission: the quota reservation the commit names.</summary>
public sealed record Admission([property: JsonPropertyName("reservation")] string Reservation);
