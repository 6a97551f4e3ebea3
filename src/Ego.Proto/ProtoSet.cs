using Ego.Proto.Descriptors.Internal;
using Ego.Proto.Syntax;
using Google.Protobuf.Reflection;

namespace Ego.Proto;

/// <summary>Parsed .proto files (a directory to lint, or one side of a breaking-change comparison) and the files that failed to parse.</summary>
public sealed class ProtoSet
{
    public ProtoSet(IReadOnlyList<ProtoFile> files, IReadOnlyList<ProtoDiagnostic> errors)
    {
        Files = files;
        Errors = errors;
    }

    public IReadOnlyList<ProtoFile> Files { get; }

    /// <summary>Syntax errors of files that could not be parsed (rule id <c>SYNTAX</c>).</summary>
    public IReadOnlyList<ProtoDiagnostic> Errors { get; }

    /// <summary>
    /// Parses every <c>*.proto</c> under <paramref name="directory"/>; file paths are relative to it with <c>/</c> separators.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static ProtoSet LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Proto directory '{directory}' does not exist; expected a directory holding .proto files.");
        }

        var sources = Directory.EnumerateFiles(directory, "*.proto", SearchOption.AllDirectories)
            .Select(f => new KeyValuePair<string, string>(Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText(f)));
        return Parse(sources);
    }

    /// <summary>
    /// Reads a descriptor set written by <c>protoc --descriptor_set_out</c> (a serialized <c>FileDescriptorSet</c>); file paths
    /// are the names protoc gave them (relative to its <c>-I</c>), positions come from <c>--include_source_info</c> or are 1:1.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a serialized FileDescriptorSet.</exception>
    public static ProtoSet LoadDescriptorSet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DescriptorSetReader.Load(path);
    }

    /// <summary>Converts every file of a descriptor set into the syntax model the parser produces.</summary>
    public static ProtoSet FromDescriptorSet(FileDescriptorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return DescriptorSetReader.Convert(set);
    }

    /// <summary>Parses in-memory sources (path → text), e.g. files read from a git ref.</summary>
    public static ProtoSet Parse(IEnumerable<KeyValuePair<string, string>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var files = new List<ProtoFile>();
        var errors = new List<ProtoDiagnostic>();
        foreach (var (path, text) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (ProtoParser.TryParse(text, path, out var file, out var error))
            {
                files.Add(file!);
            }
            else
            {
                errors.Add(error!);
            }
        }

        return new ProtoSet(files, errors);
    }
}
