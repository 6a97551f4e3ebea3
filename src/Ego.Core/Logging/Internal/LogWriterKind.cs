namespace Ego.Logging.Internal;

/// <summary>Where a logger writes (<c>writer</c> key).</summary>
internal enum LogWriterKind
{
    File,
    Stderr,
    Stdout,
}
