using System.Text.RegularExpressions;

namespace Ego.Cli.Internal;

/// <summary>Service names: lower-case words joined by dashes, usable as a Kubernetes name, a directory and (converted) a proto package and C# namespace.</summary>
internal static partial class ServiceName
{
    /// <exception cref="CliException">The name is not a lower-case DNS label.</exception>
    public static string Validate(string name, string what)
    {
        if (!Pattern().IsMatch(name) || name.Length > 50)
        {
            throw new CliException($"{what} '{name}' is not a service name: expected lower-case letters and digits in dash-separated words, starting with a letter, at most 50 characters (e.g. order-api)");
        }

        return name;
    }

    /// <summary>"order-api" → "OrderApi".</summary>
    public static string Pascal(string name)
        => string.Concat(name.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>"order-api" → "order_api", a proto package segment.</summary>
    public static string Snake(string name) => name.Replace('-', '_');

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
