namespace Ego.Cli.Internal;

/// <summary>A usage or input problem: printed as one line to standard error, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
