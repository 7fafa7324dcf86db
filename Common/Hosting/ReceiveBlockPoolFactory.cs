using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CloudFs.Common.Hosting;

/// <summary>Hands Kestrel a <see cref="ReceiveBlockPool"/> wherever it asks for a memory pool (the socket transport among them).</summary>
public sealed class ReceiveBlockPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new ReceiveBlockPool();
}

public static class ReceiveBlockPoolServices
{
    /// <summary>Replaces Kestrel's 4 KiB-block memory pool with <see cref="ReceiveBlockPool"/>.</summary>
    public static IServiceCollection AddReceiveBlockPool(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IMemoryPoolFactory<byte>, ReceiveBlockPoolFactory>());
        return services;
    }
}
