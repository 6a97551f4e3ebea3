using System.Globalization;

namespace Ego.Grpc.Bench;

/// <summary>Command-line flags of the form <c>--name=value</c>, restricted to the names a command knows.</summary>
public sealed class BenchFlags
{
    private readonly Dictionary<string, string> _values;

    private BenchFlags(Dictionary<string, string> values) => _values = values;

    /// <exception cref="ArgumentException">A flag is malformed or unknown; the message names it and the known flags.</exception>
    public static BenchFlags Parse(IEnumerable<string> args, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var arg in args)
        {
            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            if (!arg.StartsWith("--", StringComparison.Ordinal) || separator < 3)
            {
                errors.Add($"'{arg}' is not a flag: expected --name=value");
                continue;
            }

            var name = arg[2..separator];
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"--{name} is unknown: expected one of {string.Join(", ", known.Select(k => "--" + k))}");
                continue;
            }

            values[name] = arg[(separator + 1)..];
        }

        return errors.Count == 0 ? new BenchFlags(values) : throw new ArgumentException(string.Join("; ", errors));
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <exception cref="ArgumentException">The value is not an integer in [<paramref name="min"/>, <paramref name="max"/>].</exception>
    public int GetInt(string name, int fallback, int min = 0, int max = int.MaxValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name}='{text}' is invalid: expected an integer from {min} to {max}");
    }

    /// <summary>A duration such as <c>10s</c>, <c>500ms</c> or <c>2</c> (seconds).</summary>
    /// <exception cref="ArgumentException">The value is not a positive duration.</exception>
    public TimeSpan GetDuration(string name, TimeSpan fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * scale)
            : throw new ArgumentException($"--{name}='{text}' is invalid: expected a duration such as 10s or 500ms");
    }
}
