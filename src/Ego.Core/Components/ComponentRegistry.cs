namespace Ego.Components;

/// <summary>
/// The components an application built, by config key, with their effective options (defaults plus config).
/// <c>--dump-config</c> shows these so that defaults are visible, not only what the file sets.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, object> options = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>Records (or replaces) the effective options of the component at <paramref name="key"/>.</summary>
    public void Register(string key, object effectiveOptions)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(effectiveOptions);
        lock (gate)
        {
            options[key] = effectiveOptions;
        }
    }

    /// <summary>The registered components, ordered by key.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Snapshot()
    {
        lock (gate)
        {
            return options.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
