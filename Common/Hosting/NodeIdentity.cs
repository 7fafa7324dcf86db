namespace CloudFs.Common.Hosting;

/// <summary>
/// A UUID created on a node's first start and kept in its data dir, so the node keeps its
/// identity across restarts and address changes.
/// </summary>
public sealed class NodeIdentity
{
    public const string FileName = "node-id";

    private NodeIdentity(Guid id) => Id = id;

    public Guid Id { get; }

    public static NodeIdentity LoadOrCreate(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, FileName);
        if (TryRead(path, out var existing))
        {
            return new NodeIdentity(existing);
        }

        // Write a temp file and link it into place: two processes racing on one data dir
        // both end up with whichever id landed first.
        var id = Guid.NewGuid();
        var temp = Path.Combine(dataDir, $".{FileName}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(id.ToString("D"));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }

        return TryRead(path, out var stored)
            ? new NodeIdentity(stored)
            : throw new InvalidOperationException($"Node id file {path} is not a UUID.");
    }

    private static bool TryRead(string path, out Guid id)
    {
        id = Guid.Empty;
        return File.Exists(path) && Guid.TryParse(File.ReadAllText(path).Trim(), out id);
    }
}
