namespace Ego.Observability;

/// <summary>
/// The extra-key values (<c>EGO_LOG_EXTRA_KEYS</c>) of the call being served, flowing with the async context so that
/// the clients the handler uses pass them on and log them.
/// </summary>
public static class CallExtras
{
    private static readonly AsyncLocal<KeyValuePair<string, string>[]?> Values = new();

    /// <summary>The values of the current call; empty outside a call or when none was received.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Current => Values.Value ?? [];

    /// <summary>
    /// Sets the values for the rest of the current async flow; an async method that sets them sees them undone
    /// when it returns.
    /// </summary>
    public static void Set(KeyValuePair<string, string>[]? values) => Values.Value = values is { Length: > 0 } ? values : null;

    /// <summary>The value of <paramref name="key"/> in the current call, or <c>null</c>.</summary>
    public static string? Get(string key)
    {
        var values = Values.Value;
        if (values is null)
        {
            return null;
        }

        foreach (var pair in values)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
