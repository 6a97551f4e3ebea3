namespace Ego.Resilience.RateLimiting;

/// <summary>A rules file that does not parse or holds an invalid rule: names the file and the 1-based line.</summary>
public sealed class RateLimitRulesException : FormatException
{
    public RateLimitRulesException(string path, int line, string reason, Exception? innerException = null)
        : base($"{path}:{line}: {reason}", innerException)
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    public string Path { get; }

    /// <summary>1-based line of the problem; 0 when the file could not be read.</summary>
    public int Line { get; }

    public string Reason { get; }
}
