namespace CloudFs.Proxy.Cors;

/// <summary>What the proxy answers to an <c>OPTIONS</c> request: 200 or 401 and its headers, in order.</summary>
public sealed record PreflightAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, bool WithContentType);
