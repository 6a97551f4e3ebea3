namespace Ego.Proto.Lint;

/// <summary>A lint config file that cannot be read or is invalid; lists every problem found.</summary>
public sealed class ProtoConfigException : FormatException
{
    public ProtoConfigException(string path, IReadOnlyList<string> errors)
        : base($"{path}: invalid lint config: " + string.Join("; ", errors))
    {
        Path = path;
        Errors = errors;
    }

    public string Path { get; }

    public IReadOnlyList<string> Errors { get; }
}
