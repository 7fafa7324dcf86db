using System.Net;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// A request body sent in two parts with a wait between them: the first <c>split</c> bytes at
/// once, the rest when <c>gate</c> completes. A probe holds uploads open this way, admitted and
/// half stored, while it takes the database away under them.
/// </summary>
public sealed class GatedContent(byte[] bytes, int split, Task gate) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes.AsMemory(0, split), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        await stream.WriteAsync(bytes.AsMemory(split), cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
