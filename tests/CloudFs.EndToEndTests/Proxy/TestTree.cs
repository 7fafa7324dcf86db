using System.Security.Cryptography;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>A small local tree with UTF-8 names, an empty file and a body larger than one PUT chunk.</summary>
public static class TestTree
{
    public static readonly string[] Files =
    [
        "a.txt",
        "empty",
        "sub/big.bin",
        "sub/dëep/ü n.txt",
        "日本/ファイル.txt",
    ];

    public static string Create(string root)
    {
        Directory.CreateDirectory(root);
        foreach (var file in Files)
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var body = file switch
            {
                "empty" => [],
                "sub/big.bin" => RandomNumberGenerator.GetBytes(300_000),
                _ => System.Text.Encoding.UTF8.GetBytes("body of " + file),
            };
            File.WriteAllBytes(path, body);
        }

        return root;
    }

    /// <summary>Relative path → MD5 of every file under <paramref name="root"/>.</summary>
    public static Dictionary<string, string> Checksums(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'),
                f => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(f))));
}
