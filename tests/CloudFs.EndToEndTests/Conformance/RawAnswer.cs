namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// One answer as a client sees it: status, headers in the order sent (values read as Latin-1,
/// byte for byte, as Python's http.client reads them), and the body after any chunked framing.
/// </summary>
public sealed record RawAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
