namespace CloudFs.Common.Mime;

/// <summary>
/// The Content-Type Swift's proxy gives an object PUT without one: Python's
/// <c>mimetypes.guess_type(path)</c> (strict), i.e. Python's built-in table with the system's
/// mime.types files read over it, the compression suffixes (.gz, .bz2, ...) skipped, and
/// .tgz-style aliases expanded first.
/// </summary>
public sealed class ContentTypeGuesser
{
    /// <summary>The files Python reads (mimetypes.knownfiles), later ones winning.</summary>
    public static readonly IReadOnlyList<string> KnownFiles =
    [
        "/etc/mime.types", "/etc/httpd/mime.types", "/etc/httpd/conf/mime.types", "/etc/apache/mime.types",
        "/etc/apache2/mime.types", "/usr/local/etc/httpd/conf/mime.types", "/usr/local/lib/netscape/mime.types",
        "/usr/local/etc/httpd/conf/mime.types", "/usr/local/etc/mime.types",
    ];

    private static readonly Dictionary<string, string> SuffixMap = new(StringComparer.Ordinal)
    {
        [".svgz"] = ".svg.gz", [".tgz"] = ".tar.gz", [".taz"] = ".tar.gz", [".tz"] = ".tar.gz", [".tbz2"] = ".tar.bz2", [".txz"] = ".tar.xz",
    };

    // Case sensitive, as in Python.
    private static readonly HashSet<string> Encodings = new(StringComparer.Ordinal) { ".gz", ".Z", ".bz2", ".xz", ".br" };

    private static readonly Lazy<ContentTypeGuesser> SystemTable = new(() => FromFiles(KnownFiles));

    private readonly Dictionary<string, string> _types;

    public ContentTypeGuesser(IEnumerable<string> mimeTypesFileContents)
    {
        ArgumentNullException.ThrowIfNull(mimeTypesFileContents);
        _types = new Dictionary<string, string>(PythonMimeDefaults.Types, StringComparer.Ordinal);
        foreach (var contents in mimeTypesFileContents)
        {
            Read(contents);
        }
    }

    /// <summary>Python's table over this machine's mime.types files, read once.</summary>
    public static ContentTypeGuesser System => SystemTable.Value;

    public static ContentTypeGuesser FromFiles(IEnumerable<string> paths) =>
        new(paths.Where(File.Exists).Select(File.ReadAllText));

    /// <summary>The guessed type of an object name or path, null when Python would not guess one.</summary>
    public string? Guess(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (stem, ext) = SplitExtension(path);
        while (SuffixMap.TryGetValue(ext.ToLowerInvariant(), out var expanded))
        {
            (stem, ext) = SplitExtension(stem + expanded);
        }

        if (Encodings.Contains(ext))
        {
            (_, ext) = SplitExtension(stem);
        }

        return _types.GetValueOrDefault(ext.ToLowerInvariant());
    }

    // mime.types lines: "type ext ext ...", '#' starting a word ends the line; later lines win.
    private void Read(string contents)
    {
        foreach (var line in contents.Split('\n'))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w[0] != '#').ToList();
            foreach (var suffix in words.Skip(1))
            {
                _types["." + suffix] = words[0];
            }
        }
    }

    // Python's posixpath.splitext: the last dot of the last segment, unless only dots lead up to it.
    private static (string Stem, string Extension) SplitExtension(string path)
    {
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (dot > slash)
        {
            for (var i = slash + 1; i < dot; i++)
            {
                if (path[i] != '.')
                {
                    return (path[..dot], path[dot..]);
                }
            }
        }

        return (path, "");
    }
}
