using System.Globalization;
using Ego.Components;

namespace Ego.Resilience.Client.Internal;

/// <summary>A set of gRPC status codes (by name, e.g. <c>UNAVAILABLE</c>, or number) or HTTP statuses (100-599).</summary>
internal sealed class CodeSet
{
    private static readonly string[] GrpcNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
        "DATA_LOSS", "UNAUTHENTICATED",
    ];

    private readonly bool[] codes = new bool[600];

    private CodeSet()
    {
    }

    public bool Contains(int code) => (uint)code < (uint)codes.Length && codes[code];

    /// <summary>Parses gRPC codes; <paramref name="defaults"/> applies when <paramref name="values"/> is empty.</summary>
    public static CodeSet Grpc(IReadOnlyCollection<string> values, params int[] defaults) => Create(values, defaults, http: false);

    /// <summary>Parses HTTP statuses; <paramref name="defaults"/> applies when <paramref name="values"/> is empty.</summary>
    public static CodeSet Http(IReadOnlyCollection<string> values, params int[] defaults) => Create(values, defaults, http: true);

    /// <summary>Reports entries that are neither a gRPC code nor an HTTP status.</summary>
    public static void Check(string key, IEnumerable<string> values, ICollection<ComponentOptionError> errors)
    {
        foreach (var value in values)
        {
            if (TryParse(value, http: false) is null && TryParse(value, http: true) is null)
            {
                errors.Add(new(key, $"'{value}' is not a status: expected a gRPC code such as UNAVAILABLE or an HTTP status such as 503"));
            }
        }
    }

    private static CodeSet Create(IReadOnlyCollection<string> values, int[] defaults, bool http)
    {
        var set = new CodeSet();
        foreach (var code in defaults)
        {
            set.codes[code] = values.Count == 0;
        }

        foreach (var value in values)
        {
            var code = TryParse(value, http) ?? throw new ArgumentException(
                http ? $"'{value}' is not an HTTP status: expected 100-599, e.g. 503" : $"'{value}' is not a gRPC status code: expected a name such as UNAVAILABLE or 0-16", nameof(values));
            set.codes[code] = true;
        }

        return set;
    }

    private static int? TryParse(string value, bool http)
    {
        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return http ? number is >= 100 and <= 599 ? number : null : number is >= 0 and <= 16 ? number : null;
        }

        if (http)
        {
            return null;
        }

        var normalized = text.Replace("_", "", StringComparison.Ordinal);
        var index = Array.FindIndex(GrpcNames, n => n.Replace("_", "", StringComparison.Ordinal).Equals(normalized, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : normalized.Equals("Canceled", StringComparison.OrdinalIgnoreCase) ? 1 : null;
    }
}
