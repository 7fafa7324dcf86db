using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CloudFs.Ring;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// Where the blobs of a <see cref="MultiHostCluster"/> are and where they belong: the object
/// ring as the servers read it, a blob's primaries and its path on a device (the object
/// server's DeviceLayout rule), every .data file on every host, a blob id from the catalog,
/// and wiping a device.
/// </summary>
public sealed class ClusterBlobs(MultiHostCluster cluster, string connectionString)
{
    /// <summary>The object ring as the servers see it now (read from its file).</summary>
    public HashRing ObjectRing() =>
        new(RingFile.Load(Path.Combine(cluster.RingDir, "object.ring")), RoleConfigFiles.HashPathPrefix, RoleConfigFiles.HashPathSuffix);

    /// <summary>The hosts holding the primary replicas of a blob by the current object ring.</summary>
    public IReadOnlyList<(ClusterHost Host, string Device)> Primaries(string blobId)
    {
        var ring = ObjectRing();
        return [.. ring.GetPrimaries(ring.GetBlobPartition(blobId)).Select(d => (cluster.Hosts.Single(h => h.Address == d.Ip), d.Device))];
    }

    /// <summary>
    /// Where a policy-0 blob lives on a device (ObjectServer's DeviceLayout):
    /// {devices}/{device}/blobs/{partition}/{suffix}/{id}.data, the partition by the current object ring.
    /// </summary>
    public string DataPath(int host, string device, string blobId)
    {
        var partition = ObjectRing().GetBlobPartition(blobId);
        var suffix = Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(blobId)))[^3..];
        return Path.Combine(cluster.Host(host).DevicePath(device), "blobs", partition.ToString(CultureInfo.InvariantCulture), suffix, blobId + ".data");
    }

    /// <summary>Every .data file of a blob on any host and device, wherever it sits (primary, handoff, old partition); quarantined copies not included.</summary>
    public IReadOnlyList<string> Files(string blobId) =>
        [.. All().Where(f => Path.GetFileName(f) == blobId + ".data")];

    /// <summary>Every blob .data file of every host, quarantined ones not included.</summary>
    public IReadOnlyList<string> All() =>
        [.. cluster.Hosts.Where(h => Directory.Exists(h.DevicesRoot))
            .SelectMany(h => Directory.EnumerateFiles(h.DevicesRoot, "*.data", SearchOption.AllDirectories))
            .Where(f => f.Contains("/blobs", StringComparison.Ordinal) && !f.Contains("/quarantined/", StringComparison.Ordinal))];

    /// <summary>Quarantined .data files of a blob (under {device}/quarantined/).</summary>
    public IReadOnlyList<string> Quarantined(string blobId) =>
        [.. cluster.Hosts.Where(h => Directory.Exists(h.DevicesRoot))
            .SelectMany(h => Directory.EnumerateFiles(h.DevicesRoot, blobId + ".data", SearchOption.AllDirectories))
            .Where(f => f.Contains("/quarantined/", StringComparison.Ordinal))];

    /// <summary>
    /// Empties a device, as a replaced disk would come back: the directory stays, nothing in it.
    /// The old contents are renamed away in one step first, since replicators keep writing into
    /// a live device and a recursive delete would race them.
    /// </summary>
    public void WipeDevice(int host, string device)
    {
        var path = cluster.Host(host).DevicePath(device);
        var trash = path + ".wiped-" + Guid.NewGuid().ToString("N");
        Directory.Move(path, trash);
        Directory.CreateDirectory(path);
        try
        {
            Directory.Delete(trash, recursive: true);
        }
        catch (IOException)
        {
            // The device is already empty (the rename did that). Something still finishing in
            // the old tree can remove a directory under the delete (a fresh-clone run saw
            // DirectoryNotFound for blobs/179); what is left goes with the cluster's scratch dir.
        }
    }

    /// <summary>The blob id the catalog names for an object (null when there is no such object).</summary>
    public async Task<string?> IdOfAsync(string account, string container, string objectPath)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SELECT o.blob_id FROM stobj o JOIN stobj c ON c.id = o.container_id JOIN stobj a ON a.id = c.parent_id " +
            "WHERE a.name = @account AND c.name = @container AND o.type = 'object' AND o.path = @path", connection);
        command.Parameters.AddWithValue("@account", account);
        command.Parameters.AddWithValue("@container", container);
        command.Parameters.AddWithValue("@path", objectPath);
        return await command.ExecuteScalarAsync() as string;
    }
}
