using System.Collections;

namespace Ego.Logging;

/// <summary>
/// Log state made of a plain message and named fields, without a message template.
/// The Ego provider writes each field as a top-level JSON key; other providers see the pairs as structured state.
/// </summary>
public readonly struct LogFields : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[]? _fields;

    /// <summary>Creates the state; <paramref name="fields"/> is used as given, not copied.</summary>
    public LogFields(string message, KeyValuePair<string, object?>[] fields)
    {
        Message = message;
        _fields = fields;
    }

    /// <summary>The message, written as <c>msg</c>.</summary>
    public string Message { get; }

    public int Count => _fields?.Length ?? 0;

    public KeyValuePair<string, object?> this[int index] =>
        _fields is not null ? _fields[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The formatter to pass to <c>ILogger.Log</c>: the message itself.</summary>
    public static string Format(LogFields state, Exception? exception) => state.Message ?? "";

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)(_fields ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message ?? "";
}
