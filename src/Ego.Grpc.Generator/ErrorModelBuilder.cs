using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>
/// Reads the error enums of a proto file as Go EGO's protoc-gen-go-errors does: a file whose comments say
/// <c>@plugins=protoc-gen-go-errors</c> has every top-level enum turned into errors, and each value needs a <c>@code</c>.
/// </summary>
internal static partial class ErrorModelBuilder
{
    public const string PluginName = "protoc-gen-go-errors";
    private const int EnumTypeField = 5;
    private const int EnumValueField = 2;

    /// <summary>True when a comment line of <paramref name="file"/> starts with <c>@plugins=a,b</c> and the list holds <see cref="PluginName"/>.</summary>
    public static bool IsMarked(FileDescriptorProto file) => IsMarked(new SourcePositions(file));

    private static bool IsMarked(SourcePositions positions)
        => positions.AllComments()
            .SelectMany(c => PluginsAnnotation().Matches(c))
            .Any(m => m.Groups[1].Value.Split(',').Contains(PluginName, StringComparer.Ordinal));

    /// <summary>The error classes of <paramref name="file"/> (none when it is not marked); problems are added to <paramref name="errors"/> with their position.</summary>
    public static IReadOnlyList<ErrorClassModel> Build(FileDescriptorProto file, List<string> errors)
    {
        var positions = new SourcePositions(file);
        if (!IsMarked(positions))
        {
            return [];
        }

        var classes = new Dictionary<string, List<ErrorValueModel>>(StringComparer.Ordinal);
        for (var e = 0; e < file.EnumType.Count; e++)
        {
            var className = ClassName(file, file.EnumType[e].Name);
            if (!classes.TryGetValue(className, out var values))
            {
                classes[className] = values = [];
            }

            var moduleProblems = new List<string>();
            var module = BusinessCodeAnnotations.ParseModule(positions.LeadingComment(EnumTypeField, e), moduleProblems);
            errors.AddRange(moduleProblems.Select(p => $"{positions.Describe(EnumTypeField, e)}: enum {file.EnumType[e].Name}: {p}"));
            for (var v = 0; v < file.EnumType[e].Value.Count; v++)
            {
                if (BuildValue(file, file.EnumType[e].Value[v], module, positions, [EnumTypeField, e, EnumValueField, v], errors) is { } value)
                {
                    values.Add(value);
                }
            }
        }

        CheckNames(file, classes, errors);
        return [.. classes.Select(c => new ErrorClassModel(c.Key, c.Value))];
    }

    /// <summary>
    /// <c>enum UserError</c> → <c>UserErrors</c>: a trailing <c>Errors</c>, <c>Error</c> or <c>Err</c> is dropped and <c>Errors</c>
    /// appended; an enum named only that (<c>enum Err</c>) takes the file's name instead (<c>user.proto</c> → <c>UserErrors</c>).
    /// </summary>
    public static string ClassName(FileDescriptorProto file, string enumName)
    {
        var stem = WithoutErrorSuffix(enumName);
        if (stem.Length == 0)
        {
            var fileName = file.Name[(file.Name.LastIndexOf('/') + 1)..];
            stem = WithoutErrorSuffix(CSharpNames.UnderscoresToCamelCase(fileName[..^(fileName.EndsWith(".proto", StringComparison.Ordinal) ? 6 : 0)], capitalizeNext: true));
        }

        return stem.Length == 0 ? "Errors" : char.ToUpperInvariant(stem[0]) + stem[1..] + "Errors";
    }

    /// <summary><c>USER_ERR_NOT_FOUND</c> → <c>UserErrNotFound</c>; words already in mixed case keep it.</summary>
    public static string PropertyName(string valueName)
    {
        var result = new StringBuilder(valueName.Length);
        foreach (var word in valueName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            var allUpper = !word.Any(char.IsLower);
            var capitalize = true;
            foreach (var c in word)
            {
                result.Append(capitalize ? char.ToUpperInvariant(c) : allUpper ? char.ToLowerInvariant(c) : c);
                capitalize = char.IsDigit(c);
            }
        }

        return result.ToString();
    }

    private static ErrorValueModel? BuildValue(FileDescriptorProto file, EnumValueDescriptorProto value, int? module, SourcePositions positions, int[] path, List<string> errors)
    {
        var problems = new List<string>();
        var comment = positions.LeadingComment(path);
        var annotations = ErrorAnnotations.Parse(comment, problems);
        var reason = file.Package.Length > 0 ? $"{file.Package}.{value.Name}" : value.Name;
        if (annotations.Code is null)
        {
            problems.Add($"no @code annotation; expected a comment line such as '// @code=NOT_FOUND' above the value, with one of: {StatusCodeNames.ValidNames}");
        }

        var businessCode = annotations.BusinessCode is { } digits ? BusinessCodeAnnotations.Resolve(digits, module, problems) : null;
        errors.AddRange(problems.Select(p => $"{positions.Describe(path)}: enum value {reason}: {p}"));
        if (problems.Count > 0 || !StatusCodeNames.TryGetMember(annotations.Code!, out var member))
        {
            return null;
        }

        var message = annotations.Message.Length > 0 ? annotations.Message : value.Name;
        return new ErrorValueModel(PropertyName(value.Name), annotations.Code!, member, reason, positions.Describe(path), message,
            annotations.Message.Length > 0 ? annotations.Message : null, value.Options?.Deprecated == true, annotations.Translations, businessCode);
    }

    // The class shares its namespace with protoc's message classes, so its name must not be one of theirs.
    private static void CheckNames(FileDescriptorProto file, Dictionary<string, List<ErrorValueModel>> classes, List<string> errors)
    {
        var reflection = CSharpNames.ReflectionClass(file);
        var declared = file.MessageType.Select(m => m.Name).Concat(file.EnumType.Select(e => e.Name)).Concat(file.Service.Select(s => s.Name))
            .Append(reflection[(reflection.LastIndexOf('.') + 1)..])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (className, values) in classes)
        {
            if (declared.Contains(className))
            {
                errors.Add($"{file.Name}: the error class '{className}' would have the name of a type declared in the file; rename the enum or that type");
            }

            foreach (var clash in values.GroupBy(v => v.PropertyName).Where(g => g.Count() > 1))
            {
                errors.Add($"{file.Name}: enum values {string.Join(" and ", clash.Select(v => v.Reason))} would all be the property {className}.{clash.Key}; rename one of them");
            }

            foreach (var value in values.Where(v => v.PropertyName == className))
            {
                errors.Add($"{file.Name}: enum value {value.Reason} would be the property {className}.{className}, which C# forbids in a class of that name; rename the value or the enum");
            }
        }
    }

    private static string WithoutErrorSuffix(string name)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["Errors", "Error", "Err"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    [GeneratedRegex(@"^[ \t]*@plugins=([A-Za-z0-9_,-]+)", RegexOptions.Multiline)]
    private static partial Regex PluginsAnnotation();
}
