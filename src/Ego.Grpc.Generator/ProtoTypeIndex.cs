using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>Maps fully qualified proto message names (<c>.pkg.Outer.Inner</c>) to the C# classes protoc generates for them.</summary>
internal sealed class ProtoTypeIndex
{
    private readonly Dictionary<string, string> _csharpNames = new(StringComparer.Ordinal);

    public ProtoTypeIndex(IEnumerable<FileDescriptorProto> files)
    {
        foreach (var file in files)
        {
            var ns = CSharpNames.Namespace(file);
            var prefix = file.Package.Length == 0 ? "." : "." + file.Package + ".";
            foreach (var message in file.MessageType)
            {
                Add(message, prefix, ns, string.Empty);
            }
        }
    }

    /// <summary>The <c>global::</c> C# name of a message; a name no file in the request declares is an error naming it.</summary>
    public string Resolve(string protoTypeName, string usedBy)
        => _csharpNames.TryGetValue(protoTypeName, out var name)
            ? name
            : throw new GeneratorException($"{usedBy}: message type '{protoTypeName}' is not declared in any file of the request.");

    private void Add(DescriptorProto message, string protoPrefix, string ns, string csharpPrefix)
    {
        var protoName = protoPrefix + message.Name;
        var csharpRelative = csharpPrefix + message.Name;
        _csharpNames[protoName] = CSharpNames.Qualify(ns, csharpRelative);
        foreach (var nested in message.NestedType)
        {
            // protoc puts nested messages in a static "Types" class inside their parent.
            Add(nested, protoName + ".", ns, csharpRelative + ".Types.");
        }
    }
}
