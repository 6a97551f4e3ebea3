using System.Text;
using System.Text.RegularExpressions;

namespace Ego.Proto.Lint.Internal;

/// <summary>Name-style checks and conversions used by the naming rules.</summary>
internal static partial class NameCase
{
    /// <summary>Upper-case first letter, no underscores, and not all capitals (<c>STATUS</c> is not PascalCase).</summary>
    public static bool IsPascal(string name) => Pascal().IsMatch(name) && (name.Length == 1 || name.Any(char.IsLower));

    public static bool IsLowerSnake(string name) => LowerSnake().IsMatch(name);

    public static bool IsUpperSnake(string name) => UpperSnake().IsMatch(name);

    public static bool IsVersion(string name) => Version().IsMatch(name);

    /// <summary><c>HTTPStatus</c> → <c>HTTP_STATUS</c>, <c>FooBar2</c> → <c>FOO_BAR2</c>.</summary>
    public static string ToUpperSnake(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && name[i - 1] != '_'
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Pascal();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex LowerSnake();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex("^v[1-9][0-9]*(test[0-9]*|(alpha|beta)[0-9]*|p[1-9][0-9]*(alpha|beta)[0-9]*)?$")]
    private static partial Regex Version();
}
