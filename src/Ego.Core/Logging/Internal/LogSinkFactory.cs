namespace Ego.Logging.Internal;

/// <summary>Builds a sink's targets from its settings, as EGO's file, stderr and stdout writers do.</summary>
internal static class LogSinkFactory
{
    public static LogSink Create(LoggerSettings settings, TimeProvider time, ConsoleStreams console)
    {
        var targets = new List<LogTarget>(2);
        if (settings.Writer == LogWriterKind.File)
        {
            var bufferSize = settings.EnableAsync ? settings.FlushBufferSize : 0;
            targets.Add(new LogTarget(new JsonLineFormatter(settings.TimeType, logName: null), new RotatingFileWriter(settings, bufferSize, time)));
            if (settings.Debug)
            {
                // Debug echoes every line to the terminal for the developer, as EGO does.
                targets.Add(ConsoleTarget(settings, LogWriterKind.Stdout, console, json: false));
            }
        }
        else
        {
            targets.Add(ConsoleTarget(settings, settings.Writer, console, settings.JsonConsole));
        }

        return new LogSink(settings, [.. targets], time);
    }

    private static LogTarget ConsoleTarget(LoggerSettings settings, LogWriterKind kind, ConsoleStreams console, bool json)
    {
        LineFormatter formatter = json
            ? new JsonLineFormatter(settings.TimeType, settings.Name)
            : new ConsoleLineFormatter(colour: settings.Debug && console.IsTerminal(kind));
        return new LogTarget(formatter, new StreamLogWriter(console.Open(kind)));
    }
}
