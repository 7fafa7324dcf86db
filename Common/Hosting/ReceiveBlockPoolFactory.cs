using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using CloudFs.Common.IO;

namespace CloudFs.Common.Hosting;

/// <summary>Hands Kestrel a <see cref="PinnedBlockPool"/> wherever it asks for a memory pool (the socket transport among them).</summary>
public sealed class ReceiveBlockPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new PinnedBlockPool();
}

public static class ReceiveBlockPoolServices
{
    /// <summary>Replaces Kestrel's 4 KiB-block memory pool with <see cref="PinnedBlockPool"/>.</summary>
    public static IServiceCollection AddReceiveBlockPool(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IMemoryPoolFactory<byte>, ReceiveBlockPoolFactory>());
        return services;
    }
}
