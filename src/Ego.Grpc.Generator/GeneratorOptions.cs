namespace Ego.Grpc.Generator;

/// <summary>
/// Plugin parameters, given to protoc as <c>--ego_opt=no_client,internal_access</c>
/// (or by Grpc.Tools from the <c>GrpcServices</c> and <c>Access</c> item metadata).
/// </summary>
internal sealed record GeneratorOptions
{
    public static readonly IReadOnlyList<string> KnownParameters = ["no_server", "no_client", "internal_access", "no_errors"];

    public bool GenerateServer { get; init; } = true;

    public bool GenerateClient { get; init; } = true;

    /// <summary>Emit the generated classes as <c>internal</c> instead of <c>public</c>.</summary>
    public bool InternalAccess { get; init; }

    /// <summary>Generate error classes from enums annotated for protoc-gen-go-errors (parameter <c>no_errors</c> turns it off).</summary>
    public bool GenerateErrors { get; init; } = true;

    /// <summary>Parses the comma separated parameter; every unknown entry is reported, not only the first.</summary>
    public static GeneratorOptions Parse(string? parameter, out IReadOnlyList<string> errors)
    {
        var options = new GeneratorOptions();
        var problems = new List<string>();
        foreach (var raw in (parameter ?? string.Empty).Split(','))
        {
            var name = raw.Trim();
            options = name switch
            {
                "" => options,
                "no_server" => options with { GenerateServer = false },
                "no_client" => options with { GenerateClient = false },
                "internal_access" => options with { InternalAccess = true },
                "no_errors" => options with { GenerateErrors = false },
                _ => Unknown(options, name, problems),
            };
        }

        errors = problems;
        return options;
    }

    private static GeneratorOptions Unknown(GeneratorOptions options, string name, List<string> problems)
    {
        problems.Add($"Unknown parameter '{name}'; expected one of: {string.Join(", ", KnownParameters)}.");
        return options;
    }
}
