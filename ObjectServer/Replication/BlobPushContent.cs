using System.Net;
using CloudFs.ObjectServer.Daemons;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// A local blob as a PUT body for another replica, streamed and paced. The bytes are checked
/// against the footer's MD5 on the way out: a bad copy is quarantined here and the body is cut
/// short, so the peer stores nothing and the bad bytes spread nowhere.
/// </summary>
public sealed class BlobPushContent : HttpContent
{
    private readonly BlobReader _reader;
    private readonly BytePacer _pacer;

    public BlobPushContent(BlobReader reader, BytePacer pacer)
    {
        _reader = reader;
        _pacer = pacer;
        Headers.ContentLength = reader.Info.Size;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!await _reader.CopyVerifiedToAsync(new PacedStream(stream, _pacer), cancellationToken))
        {
            throw new IOException($"Blob {_reader.Info.Id} failed verification while being pushed; quarantined");
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _reader.Info.Size;
        return true;
    }
}
