namespace CloudFs.RingBuilder;

/// <summary>The builder file named on the command line and the ring file beside it.</summary>
internal sealed class BuilderPaths
{
    public BuilderPaths(string builderPath)
    {
        if (!builderPath.EndsWith(".builder", StringComparison.Ordinal) || Path.GetFileName(builderPath) == ".builder")
        {
            throw new UsageException($"'{builderPath}' is not a builder file; name it <ring-dir>/<role>.builder, e.g. /etc/cloudfs/object.builder.");
        }

        BuilderPath = builderPath;
        Role = Path.GetFileNameWithoutExtension(builderPath);
        RingPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(builderPath))!, Role + ".ring");
    }

    public string BuilderPath { get; }

    public string RingPath { get; }

    public string Role { get; }
}
