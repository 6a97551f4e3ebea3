namespace Ego.Logging.Internal;

/// <summary>One encoding of a log call and where it goes.</summary>
internal sealed record LogTarget(LineFormatter Formatter, ILogWriter Writer);
