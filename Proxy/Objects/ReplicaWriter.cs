using System.Buffers;
using CloudFs.Backend;
using CloudFs.Common.Results;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Streams a client body once to every replica object server at the same time: each chunk
/// read from the client is queued to every replica still writing (the replicas hash it, see
/// <see cref="ReplicaPutResult"/>); a replica
/// that falls behind by more than <c>NodeTimeoutSeconds</c> or fails is dropped, and the
/// upload stops as soon as a quorum is out of reach. Memory stays bounded by the queue sizes.
/// </summary>
public sealed partial class ReplicaWriter(BackendInvoker invoker, NodeErrorLimiter limiter, IOptions<ProxyOptions> options,
    IOptions<BackendOptions> backend, ILogger<ReplicaWriter> logger)
{
    public async Task<ReplicaPutResult> PutAsync(Stream body, long? length, IReadOnlyList<RingDevice> nodes, int partition, string blobId,
        int policyIndex, string? expectedEtag, CallContext call, CancellationToken ct)
    {
        var o = options.Value;
        var nodeTimeout = TimeSpan.FromSeconds(backend.Value.NodeTimeoutSeconds);
        using var abortAll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var replicas = nodes.Select(node => Start(node, partition, blobId, policyIndex, length, expectedEtag, call, abortAll.Token)).ToList();
        long total = 0;
        CloudFsError? error = null;
        var quorumLost = false;
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(o.PutChunkSize);
                int read;
                try
                {
                    read = await ReadAsync(body, buffer, o.PutChunkSize, TimeSpan.FromSeconds(o.ClientTimeoutSeconds), ct);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                total += read;
                if (total > o.MaxFileSize)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    error = CloudFsError.Plain(CloudFsErrorKind.RequestEntityTooLarge, "Your request is too large.");
                    break;
                }

                var chunk = new SharedChunk(buffer, read);
                try
                {
                    foreach (var replica in replicas.Where(r => r.Writing))
                    {
                        await replica.WriteAsync(chunk, nodeTimeout);
                    }
                }
                finally
                {
                    chunk.Release();
                }

                if (!Quorum.IsReachable(0, replicas.Count(r => r.Writing), replicas.Count))
                {
                    Log.QuorumLost(logger, blobId, replicas.Count(r => r.Writing), replicas.Count);
                    quorumLost = true;
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away, stopped sending, or sent less than it announced.
            error = ex is OperationCanceledException && !ct.IsCancellationRequested
                ? new CloudFsError(CloudFsErrorKind.RequestTimeout, "Request timeout.")
                : new CloudFsError(CloudFsErrorKind.ClientClosedRequest, "Client disconnected.");
        }

        if (error is null && !quorumLost && length is { } expected && total != expected)
        {
            error = new CloudFsError(CloudFsErrorKind.ClientClosedRequest, "Client disconnected.");
        }

        if (error is not null)
        {
            foreach (var replica in replicas)
            {
                replica.Abort();
            }

            await abortAll.CancelAsync();
            await Task.WhenAll(replicas.Select(r => r.AnswerAsync(nodeTimeout)));
            return new ReplicaPutResult(total, [], error);
        }

        foreach (var replica in replicas)
        {
            if (quorumLost)
            {
                // Too few replicas left: stop the others too; the answers say why (507, 413, ...).
                replica.Abort();
            }
            else
            {
                replica.Finish();
            }
        }

        var answers = await Task.WhenAll(replicas.Select(r => r.AnswerAsync(nodeTimeout)));
        foreach (var answer in answers)
        {
            if (answer.Status is 0 or >= 500)
            {
                limiter.RecordError(answer.Node);
            }

            Log.ReplicaAnswered(logger, blobId, answer.Node.ToString(), answer.Status);
        }

        var result = new ReplicaPutResult(total, answers, null);
        if (result.EtagsDisagree)
        {
            Log.EtagsDisagree(logger, blobId, string.Join(", ", answers.Select(a => $"{a.Node}={a.Status}/{a.Etag}")));
        }

        return result;
    }

    private static async Task<int> ReadAsync(Stream body, byte[] buffer, int size, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var filled = 0;
        while (filled < size)
        {
            // The timeout is for each read: a slow client that keeps sending is not cut off.
            cts.CancelAfter(timeout);
            var n = await body.ReadAsync(buffer.AsMemory(filled, size - filled), cts.Token);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }

    private ReplicaUpload Start(RingDevice node, int partition, string blobId, int policyIndex, long? length, string? expectedEtag, CallContext call,
        CancellationToken ct)
    {
        var content = new ChunkQueueContent(options.Value.PutQueueChunks, length);
        var request = RoleClient.Request(HttpMethod.Put, node, BackendUris.Blob(node, partition, blobId), call);
        BackendUris.AddPolicy(request, policyIndex);
        request.Content = content;
        request.Headers.ExpectContinue = true;
        if (expectedEtag is not null)
        {
            request.Headers.TryAddWithoutValidation("ETag", expectedEtag);
        }

        return new ReplicaUpload(node, request, content, invoker.Invoker.SendAsync(request, ct), logger);
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Warning, "Blob {BlobId}: only {Writing} of {Replicas} replicas left, quorum lost")]
        public static partial void QuorumLost(ILogger logger, string blobId, int writing, int replicas);

        [LoggerMessage(3, LogLevel.Debug, "Blob {BlobId} on {Node}: {Status}")]
        public static partial void ReplicaAnswered(ILogger logger, string blobId, string node, int status);

        [LoggerMessage(4, LogLevel.Error, "Blob {BlobId}: replicas stored different bodies ({Answers}); only those with the majority ETag count")]
        public static partial void EtagsDisagree(ILogger logger, string blobId, string answers);
    }
}
