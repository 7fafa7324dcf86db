namespace CloudFs.Cli.Client;

/// <summary>A failure to report to the operator in one line (no stack trace), with exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
