using System.Globalization;
using System.Text.RegularExpressions;

namespace Ego.Grpc.Generator;

/// <summary>
/// Business codes from annotations, in the layout prefix 100–999 (service), module 000–999, error 0000–9999: an enum's
/// <c>@bizModule=101001</c> gives prefix and module, and a value's <c>@bizCode=1</c> then the 4-digit error part; without
/// <c>@bizModule</c> a value's <c>@bizCode</c> is the full ten digits (<c>1010010001</c>).
/// </summary>
internal static partial class BusinessCodeAnnotations
{
    private const long Min = 1_000_000_000;
    private const long Max = 9_999_999_999;

    /// <summary>The six digits of the <c>@bizModule</c> line of an enum comment, or null; problems go to <paramref name="errors"/>.</summary>
    public static int? ParseModule(string? comment, List<string> errors)
    {
        int? module = null;
        foreach (var raw in (comment ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("@bizModule", StringComparison.Ordinal))
            {
                continue;
            }

            var match = ModuleLine().Match(line);
            if (!match.Success)
            {
                errors.Add($"malformed annotation '{line}'; expected '@bizModule=<6 digits>': a service prefix 100–999 and a module 000–999, e.g. @bizModule=101001");
            }
            else if (module is not null)
            {
                errors.Add($"@bizModule is given twice; expected one @bizModule line per enum");
            }
            else
            {
                module = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return module;
    }

    /// <summary>The code of a value's <c>@bizCode</c> digits under the enum's <paramref name="module"/>, or null with a problem added.</summary>
    public static long? Resolve(string digits, int? module, List<string> errors)
    {
        var number = long.Parse(digits, CultureInfo.InvariantCulture);
        if (module is { } m)
        {
            if (digits.Length > 4)
            {
                errors.Add($"@bizCode={digits} has {digits.Length} digits; under the enum's @bizModule={m:D6} expected the 4-digit error part 0000–9999 (or drop @bizModule and give full 10-digit codes)");
                return null;
            }

            return m * 10_000L + number;
        }

        if (digits.Length != 10 || number is < Min or > Max)
        {
            errors.Add($"@bizCode={digits} is not a business code; expected ten digits {Min}–{Max} (prefix 100–999, module 000–999, error 0000–9999), or a @bizModule=<6 digits> on the enum and the 4-digit error part here");
            return null;
        }

        return number;
    }

    [GeneratedRegex(@"^@bizModule=([1-9][0-9]{5})$")]
    private static partial Regex ModuleLine();
}
