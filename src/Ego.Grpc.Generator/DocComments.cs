using System.Security;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>Leading proto comments of a file, looked up by descriptor path and written as XML doc comments.</summary>
internal sealed class DocComments
{
    private const int ServiceField = 6;
    private const int MethodField = 2;
    private readonly Dictionary<string, string> _leading = new(StringComparer.Ordinal);

    public DocComments(FileDescriptorProto file)
    {
        foreach (var location in file.SourceCodeInfo?.Location ?? [])
        {
            if (location.HasLeadingComments && location.LeadingComments.Trim().Length > 0)
            {
                _leading[string.Join('.', location.Path)] = location.LeadingComments;
            }
        }
    }

    public string? ForService(int serviceIndex) => _leading.GetValueOrDefault($"{ServiceField}.{serviceIndex}");

    public string? ForMethod(int serviceIndex, int methodIndex)
        => _leading.GetValueOrDefault($"{ServiceField}.{serviceIndex}.{MethodField}.{methodIndex}");

    /// <summary>Writes <c>/// &lt;summary&gt;</c> lines; the comment text is XML-escaped so it cannot break the doc file.</summary>
    public static void Write(CodeWriter writer, string? comment)
    {
        if (comment is null)
        {
            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in comment.TrimEnd('\n', ' ').Split('\n'))
        {
            var text = SecurityElement.Escape(line.TrimEnd());
            writer.Line(text.Length == 0 ? "///" : text.StartsWith(' ') ? "///" + text : "/// " + text);
        }

        writer.Line("/// </summary>");
    }
}
