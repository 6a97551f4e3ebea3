namespace Ego.Configuration.Toml.Internal;

/// <summary>How a table came to exist; decides which later definitions may still extend it.</summary>
internal enum TomlTableState : byte
{
    /// <summary>Created as a parent by a header such as <c>[a.b]</c>; a later <c>[a]</c> may still define it.</summary>
    Implicit,

    /// <summary>Defined by its own <c>[header]</c> (or the root); dotted keys from elsewhere may not add to it.</summary>
    Header,

    /// <summary>Created by a dotted key; no header may define it again.</summary>
    Dotted,

    /// <summary>An inline table or a table inside one; closed to any change.</summary>
    Frozen,
}
