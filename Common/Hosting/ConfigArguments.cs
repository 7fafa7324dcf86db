namespace CloudFs.Common.Hosting;

/// <summary>Splits <c>--config FILE</c> (or <c>--config=FILE</c>) off a server's command line.</summary>
public static class ConfigArguments
{
    public static (string? ConfigPath, string[] Remaining) Split(string[] args)
    {
        string? path = null;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--config" or "-c")
            {
                path = i + 1 < args.Length
                    ? args[++i]
                    : throw new ArgumentException("--config needs a file name.");
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                path = arg["--config=".Length..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        return (path is null ? null : Path.GetFullPath(path), rest.ToArray());
    }
}
