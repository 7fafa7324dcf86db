namespace CloudFs.ContainerServer.Core;

/// <summary>How a search's <c>name</c> pattern is matched against a last segment.</summary>
public enum NamePatternKind
{
    /// <summary>No pattern (or just <c>*</c>): every name.</summary>
    Any,

    /// <summary><c>abc*</c>: names starting with abc (one index range).</summary>
    Prefix,

    /// <summary><c>abc</c>: names containing abc.</summary>
    Substring,

    /// <summary>Any other use of <c>*</c> (any run) and <c>?</c> (one character).</summary>
    Glob,
}
