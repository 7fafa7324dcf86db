namespace CloudFs.Ring;

/// <summary>An operator error in ring building (unknown device, duplicate, bad parameter); the message is meant for the operator.</summary>
public sealed class RingBuilderException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public RingBuilderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an operator-facing message and its cause.</summary>
    public RingBuilderException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
