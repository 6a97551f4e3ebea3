using System.Text;

namespace Ego.Grpc;

public sealed partial class Metadata
{
    /// <summary>One metadata key with its string or binary value.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>A text entry; <paramref name="key"/> must not end in <c>-bin</c>.</summary>
        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            ArgumentNullException.ThrowIfNull(value);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Metadata key '{Key}' ends in '-bin' and needs a byte[] value.", nameof(value));
            }

            ValidateAsciiValue(Key, value);
            _value = value;
        }

        /// <summary>A binary entry; <paramref name="key"/> must end in <c>-bin</c>.</summary>
        public Entry(string key, byte[] valueBytes)
        {
            Key = NormalizeKey(key);
            ArgumentNullException.ThrowIfNull(valueBytes);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Metadata key '{Key}' has a byte[] value, so it must end in '-bin'.", nameof(valueBytes));
            }

            _valueBytes = valueBytes;
        }

        /// <summary>An entry received from a peer: kept as sent, since rejecting a header the HTTP layer accepted would fail the call.</summary>
        private Entry(string key, string? value, byte[]? valueBytes)
        {
            Key = key;
            _value = value;
            _valueBytes = valueBytes;
        }

        /// <summary>The lower-cased key.</summary>
        public string Key { get; }

        /// <summary>The text value; throws for binary entries.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary: read ValueBytes.");

        /// <summary>The binary value, or the ASCII bytes of a text value.</summary>
        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        public bool IsBinary => _valueBytes is not null;

        public override string ToString()
            => IsBinary ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(_valueBytes!)}]" : $"[Entry: key={Key}, value={_value}]";

        internal static Entry FromWire(string key, string value) => new(key, value, null);

        internal static Entry FromWire(string key, byte[] valueBytes) => new(key, null, valueBytes);

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase);

        internal static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
                {
                    throw new ArgumentException($"Metadata key '{key}' is invalid: expected only a-z, 0-9, '-', '_' and '.'.", nameof(key));
                }
            }

            return lower;
        }

        private static void ValidateAsciiValue(string key, string value)
        {
            foreach (var c in value)
            {
                if (c is < ' ' or > '~')
                {
                    throw new ArgumentException($"Metadata value of '{key}' is invalid: expected printable ASCII (0x20-0x7E); use a '-bin' key for other data.", nameof(value));
                }
            }
        }
    }
}
