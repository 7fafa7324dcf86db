using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// Source-generated JSON for every message one role sends another: the producer writes and the
/// consumer reads the same record, so nothing is parsed by hand.
/// </summary>
[JsonSerializable(typeof(ResolvedObject))]
[JsonSerializable(typeof(TokenInfo))]
[JsonSerializable(typeof(CompositeBody))]
[JsonSerializable(typeof(Admission))]
[JsonSerializable(typeof(BlobListingEntry[]))]
[JsonSerializable(typeof(GarbageCandidates))]
[JsonSerializable(typeof(Abandonment))]
[JsonSerializable(typeof(HostReport))]
[JsonSerializable(typeof(HostAlert[]))]
[JsonSerializable(typeof(Dictionary<string, int[]>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ContractJson : JsonSerializerContext;
