using Ego.Components;

namespace Ego.Hosting;

/// <summary>
/// Parses Go-style flags (<c>--name=value</c>, <c>--name value</c>, <c>-name</c>, boolean <c>--debug</c>)
/// into EGO flags, one-shot commands and config overrides (<c>--server.grpc.port=9100</c>).
/// </summary>
public static class EgoCommandLineParser
{
    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "config", "host", "ego_name", "ego_log_path", "ego_trace_id_name", "job",
    };

    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal) { "watch", "debug" };

    /// <exception cref="ArgumentException">A flag is missing its value or a boolean flag has a value that is not true/false.</exception>
    public static EgoCommandLine Parse(IReadOnlyList<string> args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var remaining = new List<string>();
        bool help = false, version = false, dump = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                remaining.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                remaining.Add(arg);
                continue;
            }

            var body = arg.AsSpan(arg[1] == '-' ? 2 : 1);
            var equals = body.IndexOf('=');
            var name = (equals < 0 ? body : body[..equals]).ToString();
            string? value = equals < 0 ? null : body[(equals + 1)..].ToString();
            var normalized = name.Replace('-', '_');

            switch (normalized)
            {
                case "help" or "h":
                    help = true;
                    continue;
                case "version":
                    version = true;
                    continue;
                case "dump_config":
                    dump = true;
                    continue;
            }

            if (ValueFlags.Contains(normalized))
            {
                value ??= i + 1 < args.Count ? args[++i] : throw new ArgumentException($"flag --{name} needs a value, e.g. --{name}=VALUE");
                flags[normalized] = value;
            }
            else if (BooleanFlags.Contains(normalized))
            {
                if (value is null && i + 1 < args.Count && bool.TryParse(args[i + 1], out _))
                {
                    value = args[++i];
                }

                value ??= "true";
                if (!bool.TryParse(value, out var parsed))
                {
                    throw new ArgumentException($"flag --{name} expects true or false, got '{value}'");
                }

                flags[normalized] = parsed ? "true" : "false";
            }
            else
            {
                value ??= i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : throw new ArgumentException(
                    $"unknown flag --{name}: config overrides need a value (--{name}=VALUE); run with --help for the flags");
                overrides[ConfigKey.ToPath(name)] = value;
            }
        }

        flags.TryGetValue("job", out var job);
        return new EgoCommandLine
        {
            Flags = flags,
            ConfigOverrides = overrides,
            ShowHelp = help,
            ShowVersion = version,
            DumpConfig = dump,
            Job = string.IsNullOrWhiteSpace(job) ? null : job,
            Remaining = remaining,
        };
    }
}
