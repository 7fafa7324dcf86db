namespace CloudFs.RingBuilder;

/// <summary>A malformed command line; the message is shown with a usage hint.</summary>
internal sealed class UsageException(string message) : Exception(message);
