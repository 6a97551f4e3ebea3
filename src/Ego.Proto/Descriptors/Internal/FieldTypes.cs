using Google.Protobuf.Reflection;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Ego.Proto.Descriptors.Internal;

/// <summary>How a descriptor field's type and JSON name read in .proto source.</summary>
internal static class FieldTypes
{
    /// <summary>
    /// The scalar keyword, or the fully-qualified <c>type_name</c> with its leading dot kept: the breaking
    /// detector reads a leading dot as "already resolved", the same as an absolute reference in source.
    /// </summary>
    public static string Name(FieldDescriptorProto field) => field.Type switch
    {
        Type.Double => "double",
        Type.Float => "float",
        Type.Int64 => "int64",
        Type.Uint64 => "uint64",
        Type.Int32 => "int32",
        Type.Fixed64 => "fixed64",
        Type.Fixed32 => "fixed32",
        Type.Bool => "bool",
        Type.String => "string",
        Type.Bytes => "bytes",
        Type.Uint32 => "uint32",
        Type.Sfixed32 => "sfixed32",
        Type.Sfixed64 => "sfixed64",
        Type.Sint32 => "sint32",
        Type.Sint64 => "sint64",
        _ => field.TypeName,
    };

    /// <summary>protoc's default JSON name: the field name in lowerCamelCase.</summary>
    public static string DefaultJsonName(string name)
    {
        var chars = new char[name.Length];
        var count = 0;
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            chars[count++] = upper ? char.ToUpperInvariant(c) : c;
            upper = false;
        }

        return new string(chars, 0, count);
    }
}
