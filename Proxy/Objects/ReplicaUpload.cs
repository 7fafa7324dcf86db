using CloudFs.Ring;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// One replica's blob PUT while the fan-out feeds it: its queue-backed body, whether it is
/// still taking chunks, and its answer. A replica that answers early, or whose queue stays
/// full past the timeout, is aborted (its request fails, so it stores nothing).
/// </summary>
public sealed partial class ReplicaUpload
{
    private readonly HttpRequestMessage _request;
    private readonly ChunkQueueContent _content;
    private readonly Task<HttpResponseMessage> _send;
    private readonly CancellationTokenSource _answered = new();
    private readonly ILogger _logger;

    public ReplicaUpload(RingDevice node, HttpRequestMessage request, ChunkQueueContent content, Task<HttpResponseMessage> send, ILogger logger)
    {
        Node = node;
        _request = request;
        _content = content;
        _send = send;
        _logger = logger;
        _ = send.ContinueWith(_ => _answered.Cancel(), TaskScheduler.Default);
    }

    public RingDevice Node { get; }

    /// <summary>False once the replica answered early, fell behind or failed.</summary>
    public bool Writing { get; private set; } = true;

    public async ValueTask WriteAsync(SharedChunk chunk, TimeSpan timeout)
    {
        if (_send.IsCompleted)
        {
            // It answered before taking the whole body (a refusal after Expect: 100-continue).
            Abort();
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_answered.Token);
        cts.CancelAfter(timeout);
        try
        {
            await _content.WriteAsync(chunk, cts.Token);
        }
        catch (OperationCanceledException)
        {
            Log.ReplicaDropped(_logger, Node.ToString(), _send.IsCompleted ? "answered before the body was sent" : "too slow");
            Abort();
        }
    }

    public void Finish() => _content.Complete();

    public void Abort()
    {
        Writing = false;
        _content.Complete(new IOException("Upload aborted."));
    }

    public async Task<ReplicaAnswer> AnswerAsync(TimeSpan timeout)
    {
        try
        {
            using var response = await _send.WaitAsync(timeout);
            var etag = response.Headers.ETag?.Tag.Trim('"')
                ?? (response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault()?.Trim('"') : null);
            return new ReplicaAnswer(Node, (int)response.StatusCode, etag?.ToLowerInvariant());
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException or IOException)
        {
            Log.ReplicaDropped(_logger, Node.ToString(), ex.Message);
            return new ReplicaAnswer(Node, 0, null);
        }
        finally
        {
            _request.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Replica {Node} dropped from the upload: {Reason}")]
        public static partial void ReplicaDropped(ILogger logger, string node, string reason);
    }
}
