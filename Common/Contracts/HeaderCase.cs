namespace CloudFs.Common.Contracts;

/// <summary>Header names in the capitalisation Swift sends them (Python's <c>str.title()</c>).</summary>
public static class HeaderCase
{
    /// <summary>"x-object-meta-color" → "X-Object-Meta-Color": a letter after a non-letter is upper case, the others lower.</summary>
    public static string Title(string name)
    {
        var chars = name.ToCharArray();
        var previousIsLetter = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var isLetter = char.IsLetter(chars[i]);
            if (isLetter)
            {
                chars[i] = previousIsLetter ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }

            previousIsLetter = isLetter;
        }

        return new string(chars);
    }
}
