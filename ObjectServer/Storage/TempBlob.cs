namespace CloudFs.ObjectServer.Storage;

/// <summary>A complete, flushed blob file in a device's tmp/ directory, waiting to be renamed into place.</summary>
internal sealed record TempBlob(string Path, BlobInfo Info);
