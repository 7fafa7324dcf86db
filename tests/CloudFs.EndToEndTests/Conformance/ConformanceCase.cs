using System.Text.Json.Nodes;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>One recorded case: its steps (cases/AREA.json) and Swift's answer to each (recordings/AREA.json).</summary>
public sealed record ConformanceCase(string Area, string Id, IReadOnlyList<JsonObject> Steps, IReadOnlyList<JsonObject> Answers);
