namespace Ego.Components;

/// <summary>The options bound for a component, and the keys in its section that no option reads.</summary>
public sealed record ComponentBinding<TOptions>(string Key, TOptions Options, IReadOnlyList<string> UnknownKeys)
    where TOptions : class;
