namespace Ego.Configuration.Toml;

/// <summary>The TOML type of a <see cref="TomlValue"/>.</summary>
public enum TomlValueKind
{
    /// <summary>A basic or literal string, single- or multi-line.</summary>
    String,

    /// <summary>A 64-bit signed integer.</summary>
    Integer,

    /// <summary>A 64-bit IEEE 754 float, including <c>inf</c> and <c>nan</c>.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A date-time with an offset, as <see cref="DateTimeOffset"/>.</summary>
    OffsetDateTime,

    /// <summary>A date-time without offset, as <see cref="DateTime"/> of kind <see cref="DateTimeKind.Unspecified"/>.</summary>
    LocalDateTime,

    /// <summary>A date without time or offset, as <see cref="DateOnly"/>.</summary>
    LocalDate,

    /// <summary>A time of day without date or offset, as <see cref="TimeOnly"/>.</summary>
    LocalTime,

    /// <summary>An array, as <see cref="TomlArray"/>.</summary>
    Array,

    /// <summary>A table, as <see cref="TomlTable"/>.</summary>
    Table,
}
