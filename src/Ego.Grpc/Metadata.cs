using System.Collections;

namespace Ego.Grpc;

/// <summary>
/// Call headers or trailers: an ordered list of key/value entries. Keys are lower-cased and validated;
/// keys ending in <c>-bin</c> carry binary values (base64 on the wire), others printable ASCII.
/// </summary>
public sealed partial class Metadata : IList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary key.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries;
    private bool _readOnly;

    public Metadata()
    {
        _entries = [];
    }

    public int Count => _entries.Count;

    public bool IsReadOnly => _readOnly;

    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            CheckWritable();
            _entries[index] = value;
        }
    }

    /// <summary>Makes this instance read-only and returns it.</summary>
    public Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    public void Add(string key, string value) => Add(new Entry(key, value));

    public void Add(string key, byte[] value) => Add(new Entry(key, value));

    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Add(item);
    }

    /// <summary>The last entry with <paramref name="key"/>, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The string value of the last entry with <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last entry with <paramref name="key"/>, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>All entries with <paramref name="key"/>, in order.</summary>
    public IEnumerable<Entry> GetAll(string key)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry;
            }
        }
    }

    public int IndexOf(Entry item) => _entries.IndexOf(item);

    public void Insert(int index, Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Insert(index, item);
    }

    public void RemoveAt(int index)
    {
        CheckWritable();
        _entries.RemoveAt(index);
    }

    public bool Remove(Entry item)
    {
        CheckWritable();
        return _entries.Remove(item);
    }

    public void Clear()
    {
        CheckWritable();
        _entries.Clear();
    }

    public bool Contains(Entry item) => _entries.Contains(item);

    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public List<Entry>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<Entry> IEnumerable<Entry>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", _entries) + "]";

    private void CheckWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("The metadata is read-only.");
        }
    }
}
