namespace CloudFs.Cli.Import;

/// <summary>Running totals of an import, shared by its workers.</summary>
public sealed class ImportSummary
{
    private long _uploaded;
    private long _skipped;
    private long _failed;
    private long _bytes;

    public long Uploaded => Interlocked.Read(ref _uploaded);

    public long Skipped => Interlocked.Read(ref _skipped);

    public long Failed => Interlocked.Read(ref _failed);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Done => Uploaded + Skipped + Failed;

    public void AddUploaded(long bytes)
    {
        Interlocked.Increment(ref _uploaded);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void AddSkipped() => Interlocked.Increment(ref _skipped);

    public void AddFailed() => Interlocked.Increment(ref _failed);
}
