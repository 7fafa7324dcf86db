using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudFs.Ring;

/// <summary>
/// Saves and loads a <see cref="RingBuilder"/> as JSON ({ringDir}/{role}.builder): parameters and
/// devices readable, the assignment table and last-move times as base64 little-endian arrays.
/// </summary>
public static class BuilderFile
{
    /// <summary>The format version written into the file.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the builder atomically.</summary>
    public static void Save(RingBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var state = new State
        {
            Format = FormatVersion,
            PartPower = builder.PartPower,
            Replicas = builder.Replicas,
            MinPartHours = builder.MinPartHours,
            PendingChanges = builder.HasPendingChanges,
            Devices = builder.Devices.Select(d => new DeviceState
            {
                Id = d.Id, Region = d.Region, Zone = d.Zone, Ip = d.Ip, Port = d.Port,
                Device = d.Device, Weight = d.Weight, Meta = d.Meta, Removing = builder.IsPendingRemoval(d.Id),
            }).ToList(),
            Assignment = builder.Table?.Select(row => Convert.ToBase64String(ToLittleEndian(row))).ToList(),
            LastMoved = Convert.ToBase64String(ToLittleEndian(builder.LastMoved)),
        };
        AtomicFile.Write(path, s => JsonSerializer.Serialize(s, state, Json));
    }

    /// <summary>Loads a builder saved by <see cref="Save"/>.</summary>
    /// <exception cref="RingBuilderException">When the file is missing or not a builder file.</exception>
    public static RingBuilder Load(string path, TimeProvider? timeProvider = null)
    {
        State? state;
        try
        {
            using var fs = File.OpenRead(path);
            state = JsonSerializer.Deserialize<State>(fs, Json);
        }
        catch (FileNotFoundException)
        {
            throw new RingBuilderException($"Builder file {path} does not exist; run 'create' first.");
        }
        catch (JsonException e)
        {
            throw new RingBuilderException($"Builder file {path} is not valid JSON: {e.Message}", e);
        }

        if (state is null || state.Format != FormatVersion)
        {
            throw new RingBuilderException($"Builder file {path} has an unsupported format (expected {FormatVersion}).");
        }

        var builder = new RingBuilder(state.PartPower, state.Replicas, state.MinPartHours, timeProvider);
        var parts = builder.PartitionCount;
        try
        {
            var table = state.Assignment?.Select(b => FromLittleEndian<ushort>(b, parts)).ToArray();
            if (table is not null && table.Length != state.Replicas)
            {
                throw new FormatException("the assignment does not have one table per replica");
            }

            var lastMoved = state.LastMoved is null ? new uint[parts] : FromLittleEndian<uint>(state.LastMoved, parts);
            var devices = (state.Devices ?? []).Select(d =>
                new RingDevice(d.Id, d.Region, d.Zone, d.Ip ?? "", d.Port, d.Device ?? "", d.Weight, d.Meta ?? ""));
            builder.Restore(devices, (state.Devices ?? []).Where(d => d.Removing).Select(d => d.Id), table, lastMoved, state.PendingChanges);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new RingBuilderException($"Builder file {path} is damaged: {e.Message}", e);
        }

        return builder;
    }

    private static byte[] ToLittleEndian<T>(T[] values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            SwapEach(bytes, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        }

        return bytes;
    }

    private static T[] FromLittleEndian<T>(string base64, int count)
        where T : unmanaged
    {
        var bytes = Convert.FromBase64String(base64);
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes.Length != count * size)
        {
            throw new FormatException($"an array has {bytes.Length / size} entries, expected {count}");
        }

        if (!BitConverter.IsLittleEndian)
        {
            SwapEach(bytes, size);
        }

        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    private static void SwapEach(byte[] bytes, int size)
    {
        for (var i = 0; i < bytes.Length; i += size)
        {
            Array.Reverse(bytes, i, size);
        }
    }

    private sealed class State
    {
        public int Format { get; set; }

        public int PartPower { get; set; }

        public int Replicas { get; set; }

        public int MinPartHours { get; set; }

        public bool PendingChanges { get; set; }

        public List<DeviceState>? Devices { get; set; }

        public List<string>? Assignment { get; set; }

        public string? LastMoved { get; set; }
    }

    private sealed class DeviceState
    {
        public int Id { get; set; }

        public int Region { get; set; }

        public int Zone { get; set; }

        public string? Ip { get; set; }

        public int Port { get; set; }

        public string? Device { get; set; }

        public double Weight { get; set; }

        public string? Meta { get; set; }

        public bool Removing { get; set; }
    }
}
