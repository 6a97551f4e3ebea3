using System.Globalization;

namespace Ego.Grpc.Errors;

/// <summary>
/// Business error codes in the layout of the Ego platform: ten decimal digits, a 3-digit prefix 100–999 for the service or
/// system, a 3-digit middle 000–999 for the module and a 4-digit suffix 0000–9999 for the error, e.g. <c>1010010001</c>.
/// </summary>
public static class BusinessCodes
{
    /// <summary>The smallest valid code, <c>1000000000</c> (prefix 100, module 000, error 0000).</summary>
    public const long Min = 1_000_000_000;

    /// <summary>The largest valid code, <c>9999999999</c>.</summary>
    public const long Max = 9_999_999_999;

    /// <summary>
    /// The <c>google.rpc.ErrorInfo</c> metadata key (and HTTP body field) the code travels under, as decimal digits,
    /// so a Go peer reads it with <c>errInfo.Metadata["bizCode"]</c>.
    /// </summary>
    public const string MetadataKey = "bizCode";

    public static bool IsValid(long code) => code is >= Min and <= Max;

    /// <summary>The code of <paramref name="prefix"/> (100–999), <paramref name="module"/> (0–999) and <paramref name="error"/> (0–9999).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of its range.</exception>
    public static long Compose(int prefix, int module, int error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefix, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(module);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(module, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(error);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(error, 9999);
        return prefix * 10_000_000L + module * 10_000L + error;
    }

    /// <summary>The prefix, module and error parts of a valid <paramref name="code"/>.</summary>
    public static (int Prefix, int Module, int Error) Split(long code)
    {
        EnsureValid(code, nameof(code));
        return ((int)(code / 10_000_000), (int)(code / 10_000 % 1000), (int)(code % 10_000));
    }

    /// <summary>Parses ten digits (as read from metadata); null for anything else.</summary>
    public static long? Parse(string? text)
        => text is { Length: 10 } && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && IsValid(code) ? code : null;

    internal static void EnsureValid(long code, string paramName)
    {
        if (!IsValid(code))
        {
            throw new ArgumentOutOfRangeException(paramName, code,
                $"business code {code} is out of range: expected ten digits {Min}–{Max} (prefix 100–999, module 000–999, error 0000–9999)");
        }
    }
}
