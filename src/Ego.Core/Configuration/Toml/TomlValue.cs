using System.Globalization;

namespace Ego.Configuration.Toml;

/// <summary>
/// One TOML value. A struct so that numbers, booleans and date-times are stored without boxing.
/// </summary>
public readonly struct TomlValue : IEquatable<TomlValue>
{
    private readonly object? _ref;
    private readonly long _bits;
    private readonly short _offsetMinutes;

    private TomlValue(TomlValueKind kind, object? reference, long bits, short offsetMinutes = 0)
    {
        Kind = kind;
        _ref = reference;
        _bits = bits;
        _offsetMinutes = offsetMinutes;
    }

    /// <summary>The TOML type of this value.</summary>
    public TomlValueKind Kind { get; }

    /// <summary>Creates a string value.</summary>
    public static TomlValue FromString(string value) =>
        new(TomlValueKind.String, value ?? throw new ArgumentNullException(nameof(value)), 0);

    /// <summary>Creates an integer value.</summary>
    public static TomlValue FromInteger(long value) => new(TomlValueKind.Integer, null, value);

    /// <summary>Creates a float value.</summary>
    public static TomlValue FromFloat(double value) =>
        new(TomlValueKind.Float, null, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Creates a boolean value.</summary>
    public static TomlValue FromBoolean(bool value) => new(TomlValueKind.Boolean, null, value ? 1 : 0);

    /// <summary>Creates an offset date-time value.</summary>
    public static TomlValue FromOffsetDateTime(DateTimeOffset value) =>
        new(TomlValueKind.OffsetDateTime, null, value.Ticks, (short)value.Offset.TotalMinutes);

    /// <summary>Creates a local date-time value; the kind of <paramref name="value"/> is ignored.</summary>
    public static TomlValue FromLocalDateTime(DateTime value) => new(TomlValueKind.LocalDateTime, null, value.Ticks);

    /// <summary>Creates a local date value.</summary>
    public static TomlValue FromLocalDate(DateOnly value) => new(TomlValueKind.LocalDate, null, value.DayNumber);

    /// <summary>Creates a local time value.</summary>
    public static TomlValue FromLocalTime(TimeOnly value) => new(TomlValueKind.LocalTime, null, value.Ticks);

    /// <summary>Creates an array value.</summary>
    public static TomlValue FromArray(TomlArray value) =>
        new(TomlValueKind.Array, value ?? throw new ArgumentNullException(nameof(value)), 0);

    /// <summary>Creates a table value.</summary>
    public static TomlValue FromTable(TomlTable value) =>
        new(TomlValueKind.Table, value ?? throw new ArgumentNullException(nameof(value)), 0);

    /// <summary>The string; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.String"/>.</summary>
    public string GetString() => (string)Expect(TomlValueKind.String)._ref!;

    /// <summary>The integer; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.Integer"/>.</summary>
    public long GetInteger() => Expect(TomlValueKind.Integer)._bits;

    /// <summary>The float; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.Float"/>.</summary>
    public double GetFloat() => BitConverter.Int64BitsToDouble(Expect(TomlValueKind.Float)._bits);

    /// <summary>The boolean; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.Boolean"/>.</summary>
    public bool GetBoolean() => Expect(TomlValueKind.Boolean)._bits != 0;

    /// <summary>The offset date-time; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.OffsetDateTime"/>.</summary>
    public DateTimeOffset GetOffsetDateTime() =>
        new(Expect(TomlValueKind.OffsetDateTime)._bits, TimeSpan.FromMinutes(_offsetMinutes));

    /// <summary>The local date-time; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.LocalDateTime"/>.</summary>
    public DateTime GetLocalDateTime() => new(Expect(TomlValueKind.LocalDateTime)._bits, DateTimeKind.Unspecified);

    /// <summary>The local date; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.LocalDate"/>.</summary>
    public DateOnly GetLocalDate() => DateOnly.FromDayNumber((int)Expect(TomlValueKind.LocalDate)._bits);

    /// <summary>The local time; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.LocalTime"/>.</summary>
    public TimeOnly GetLocalTime() => new(Expect(TomlValueKind.LocalTime)._bits);

    /// <summary>The array; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.Array"/>.</summary>
    public TomlArray GetArray() => (TomlArray)Expect(TomlValueKind.Array)._ref!;

    /// <summary>The table; throws unless <see cref="Kind"/> is <see cref="TomlValueKind.Table"/>.</summary>
    public TomlTable GetTable() => (TomlTable)Expect(TomlValueKind.Table)._ref!;

    /// <summary>
    /// The canonical invariant text of a scalar: <c>true</c>/<c>false</c>, decimal integers, round-trip floats
    /// (<c>Infinity</c>, <c>-Infinity</c>, <c>NaN</c>), ISO 8601 date-times, <c>yyyy-MM-dd</c> dates and
    /// <c>HH:mm:ss[.fffffff]</c> times. Arrays and tables render as their TOML type name.
    /// </summary>
    public override string ToString() => Kind switch
    {
        TomlValueKind.String => (string)_ref!,
        TomlValueKind.Integer => _bits.ToString(CultureInfo.InvariantCulture),
        TomlValueKind.Float => GetFloat().ToString("R", CultureInfo.InvariantCulture),
        TomlValueKind.Boolean => _bits != 0 ? "true" : "false",
        TomlValueKind.OffsetDateTime => GetOffsetDateTime().ToString("O", CultureInfo.InvariantCulture),
        TomlValueKind.LocalDateTime => GetLocalDateTime().ToString("O", CultureInfo.InvariantCulture),
        TomlValueKind.LocalDate => GetLocalDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TomlValueKind.LocalTime => GetLocalTime().ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TomlValueKind.Array => "array",
        _ => "table",
    };

    /// <inheritdoc />
    public bool Equals(TomlValue other) =>
        Kind == other.Kind && _bits == other._bits && _offsetMinutes == other._offsetMinutes && Equals(_ref, other._ref);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TomlValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _ref, _bits, _offsetMinutes);

    /// <summary>Compares two values by kind and content (tables and arrays by reference).</summary>
    public static bool operator ==(TomlValue left, TomlValue right) => left.Equals(right);

    /// <summary>Compares two values by kind and content (tables and arrays by reference).</summary>
    public static bool operator !=(TomlValue left, TomlValue right) => !left.Equals(right);

    private TomlValue Expect(TomlValueKind kind) => Kind == kind
        ? this
        : throw new InvalidOperationException($"Expected a TOML {kind} value, but the value is {Kind}.");
}
