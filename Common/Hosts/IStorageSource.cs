using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosts;

/// <summary>The storage devices a server keeps data on, measured for its host report (object servers).</summary>
public interface IStorageSource
{
    IReadOnlyList<StorageSample> Measure();
}
