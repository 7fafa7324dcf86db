namespace CloudFs.ContainerServer.Core;

/// <summary>Metadata names (stored lower case) in the capitalisation Swift clients send and see.</summary>
public static class HeaderNames
{
    /// <summary>"quota-bytes" → "Quota-Bytes".</summary>
    public static string TitleCase(string name)
    {
        var chars = name.ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = start ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            start = chars[i] == '-';
        }

        return new string(chars);
    }
}
