using System.Globalization;

namespace Ego.Grpc.Interop;

/// <summary>The standard interop flags (<c>--name=value</c>), as every gRPC implementation's interop programs take them.</summary>
internal sealed class InteropFlags
{
    private readonly Dictionary<string, string> values;

    private InteropFlags(Dictionary<string, string> values) => this.values = values;

    /// <exception cref="ArgumentException">An argument is not <c>--name=value</c> or names an unknown flag.</exception>
    public static InteropFlags Parse(string[] args, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (!arg.StartsWith("--", StringComparison.Ordinal) || equals < 0)
            {
                throw new ArgumentException($"argument '{arg}' is not of the form --name=value");
            }

            var name = arg[2..equals];
            if (!known.Contains(name))
            {
                throw new ArgumentException($"unknown flag --{name}; known flags: {string.Join(", ", known.Select(k => "--" + k))}");
            }

            values[name] = arg[(equals + 1)..];
        }

        return new InteropFlags(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback)
        => values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name}={text} is not a non-negative integer")
            : fallback;

    public bool GetBool(string name, bool fallback)
        => values.TryGetValue(name, out var text)
            ? bool.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name}={text} is not true or false")
            : fallback;
}
