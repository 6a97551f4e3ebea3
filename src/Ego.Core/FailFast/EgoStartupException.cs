using Ego.Components;

namespace Ego.FailFast;

/// <summary>
/// A start-up error that ends the process with one highlighted block (msg, loc, error, key)
/// instead of a stack trace: a missing config section, an invalid value, a dependency that
/// could not be reached.
/// </summary>
public sealed class EgoStartupException : Exception
{
    public EgoStartupException(string message, string error, string? key = null, CallerLocation location = default, string? component = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Key = key;
        Location = location;
        Component = component;
    }

    /// <summary>What went wrong, in the reader's terms (e.g. <c>invalid config</c>).</summary>
    public string Error { get; }

    /// <summary>The config key involved, e.g. <c>server.grpc</c>.</summary>
    public string? Key { get; }

    /// <summary>The file:line of the code that asked for the failing component.</summary>
    public CallerLocation Location { get; }

    /// <summary>The component kind, e.g. <c>server.egrpc</c>.</summary>
    public string? Component { get; }
}
