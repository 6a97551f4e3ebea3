using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Ego.Configuration.Toml.Internal;

namespace Ego.Configuration.Toml;

/// <summary>
/// A TOML table: keys in document order, compared case-sensitively as TOML requires.
/// </summary>
public sealed class TomlTable : IReadOnlyDictionary<string, TomlValue>
{
    // Most configuration tables hold a handful of keys: a linear scan beats hashing until then.
    private const int IndexThreshold = 8;

    private Entry[] _entries = [];
    private int _count;
    private Dictionary<string, int>? _index;

    /// <summary>Creates an empty table.</summary>
    public TomlTable()
    {
    }

    internal TomlTable(TomlTableState state) => State = state;

    internal TomlTableState State { get; set; } = TomlTableState.Header;

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public TomlValue this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The TOML table has no key '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _entries.Take(_count).Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<TomlValue> Values => _entries.Take(_count).Select(e => e.Value);

    /// <summary>Adds a key; throws <see cref="ArgumentException"/> if the key exists.</summary>
    public void Add(string key, TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"The TOML table already has a key '{key}'.", nameof(key));
        }

        Append(key, value, 0, 0);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : default;
        return i >= 0;
    }

    /// <summary>Enumerates the entries in document order without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, TomlValue>> IEnumerable<KeyValuePair<string, TomlValue>>.GetEnumerator() =>
        GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal ref readonly Entry EntryAt(int index) => ref _entries[index];

    internal int IndexOf(string key) => IndexOf(key.AsSpan());

    internal int IndexOf(ReadOnlySpan<char> key)
    {
        if (_index is not null)
        {
            return _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (key.SequenceEqual(_entries[i].Key))
            {
                return i;
            }
        }

        return -1;
    }

    internal void Append(string key, TomlValue value, int line, int column)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _count * 2));
        }

        _entries[_count] = new Entry(key, value, line, column);
        if (_index is not null)
        {
            _index.Add(key, _count);
        }
        else if (_count == IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i <= _count; i++)
            {
                _index.Add(_entries[i].Key, i);
            }
        }

        _count++;
    }

    /// <summary>A key, its value and where the key was first written (0 when built in code).</summary>
    internal readonly record struct Entry(string Key, TomlValue Value, int Line, int Column);

    /// <summary>Enumerates a <see cref="TomlTable"/> in document order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TomlValue>>
    {
        private readonly TomlTable _table;
        private int _index;

        internal Enumerator(TomlTable table)
        {
            _table = table;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly KeyValuePair<string, TomlValue> Current
        {
            get
            {
                ref readonly var e = ref _table._entries[_index];
                return new KeyValuePair<string, TomlValue>(e.Key, e.Value);
            }
        }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _table._count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
