using Ego.Resilience.Retries;

namespace Ego.Resilience.Client.Internal;

/// <summary>
/// Decides whether a method may be sent more than once and how often, from <c>retry.methods</c> and
/// <c>retry.perMethod</c>. gRPC methods match by full name or a prefix ending in <c>*</c>; HTTP calls by verb.
/// </summary>
internal static class IdempotentMethods
{
    private static readonly string[] HttpDefaults = ["GET", "HEAD", "OPTIONS"];

    /// <summary>Attempts allowed for <paramref name="method"/> with <paramref name="clientAttempts"/> as the default; 1 when it is not idempotent.</summary>
    public static int Attempts(RetryOptions options, string method, bool http, int clientAttempts)
    {
        var name = http ? Verb(method) : method;
        if (Find(options.PerMethod, name, http) is { } perMethod)
        {
            return !perMethod.Enable ? 1 : perMethod.MaxAttempts > 0 ? perMethod.MaxAttempts : clientAttempts;
        }

        IEnumerable<string> listed = http && options.Methods.Count == 0 && options.PerMethod.Count == 0 ? HttpDefaults : options.Methods;
        return listed.Any(entry => Matches(entry, name, http)) ? clientAttempts : 1;
    }

    private static MethodRetryOptions? Find(Dictionary<string, MethodRetryOptions> perMethod, string name, bool http)
    {
        MethodRetryOptions? wildcard = null;
        foreach (var (key, options) in perMethod)
        {
            if (Matches(key, name, http) && !key.EndsWith('*'))
            {
                return options;
            }

            if (Matches(key, name, http))
            {
                wildcard = options;
            }
        }

        return wildcard;
    }

    private static bool Matches(string entry, string name, bool http)
    {
        var pattern = entry.Trim();
        if (pattern == "*")
        {
            return true;
        }

        if (http)
        {
            return pattern.Equals(name, StringComparison.OrdinalIgnoreCase);
        }

        if (!pattern.StartsWith('/'))
        {
            pattern = "/" + pattern;
        }

        return pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : pattern.Equals(name, StringComparison.Ordinal);
    }

    private static string Verb(string method)
    {
        var space = method.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? method : method[..space];
    }
}
