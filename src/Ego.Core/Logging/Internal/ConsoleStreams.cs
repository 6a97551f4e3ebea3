namespace Ego.Logging.Internal;

/// <summary>How stdout and stderr are opened and whether they are terminals; replaced in tests.</summary>
internal sealed record ConsoleStreams(Func<LogWriterKind, Stream> Open, Func<LogWriterKind, bool> IsTerminal)
{
    public static ConsoleStreams System { get; } = new(
        kind => kind == LogWriterKind.Stderr ? Console.OpenStandardError() : Console.OpenStandardOutput(),
        kind => kind == LogWriterKind.Stderr ? !Console.IsErrorRedirected : !Console.IsOutputRedirected);
}
