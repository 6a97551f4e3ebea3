using System.Collections;

namespace Ego.Configuration.Toml;

/// <summary>A TOML array: values in document order, of any mix of types.</summary>
public sealed class TomlArray : IReadOnlyList<TomlValue>
{
    private TomlValue[] _items = [];
    private int _count;

    /// <summary>Creates an empty array.</summary>
    public TomlArray()
    {
    }

    internal TomlArray(bool isTableArray) => IsTableArray = isTableArray;

    /// <summary>True for an array of tables written with <c>[[header]]</c>, which later headers may append to.</summary>
    public bool IsTableArray { get; }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public TomlValue this[int index] => (uint)index < (uint)_count
        ? _items[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The TOML array has {_count} items.");

    /// <summary>Appends a value.</summary>
    public void Add(TomlValue value)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _count * 2));
        }

        _items[_count++] = value;
    }

    /// <summary>Enumerates the items without allocating.</summary>
    public ReadOnlySpan<TomlValue>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<TomlValue> IEnumerable<TomlValue>.GetEnumerator() => _items.Take(_count).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<TomlValue>)this).GetEnumerator();

    internal ReadOnlySpan<TomlValue> AsSpan() => _items.AsSpan(0, _count);
}
