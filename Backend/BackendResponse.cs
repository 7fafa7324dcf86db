using CloudFs.Ring;

namespace CloudFs.Backend;

/// <summary>A role server's buffered answer to an internal call (small JSON or empty bodies only).</summary>
public sealed record BackendResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, RingDevice Node)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
