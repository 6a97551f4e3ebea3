using System.Text;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>
/// Names as protoc's C# generator and grpc_csharp_plugin produce them, so that generated service
/// code refers to the message and reflection classes that protoc emits next to it.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The file's C# namespace: <c>csharp_namespace</c>, else the package in PascalCase (<c>foo_bar.v1</c> → <c>FooBar.V1</c>).</summary>
    public static string Namespace(FileDescriptorProto file)
        => file.Options is { HasCsharpNamespace: true } options
            ? options.CsharpNamespace
            : UnderscoresToCamelCase(file.Package, capitalizeNext: true, preservePeriod: true);

    /// <summary>The reflection class protoc emits for the file (<c>hello_world.proto</c> → <c>HelloWorldReflection</c>), fully qualified.</summary>
    public static string ReflectionClass(FileDescriptorProto file)
        => Qualify(Namespace(file), UnderscoresToCamelCase(StripProtoExtension(BaseName(file.Name)), capitalizeNext: true) + "Reflection");

    /// <summary>The generated file name, as grpc_csharp_plugin and Grpc.Tools' output prediction spell it: <c>hello_world.proto</c> → <c>HelloWorldGrpc.cs</c>.</summary>
    public static string GrpcFileName(FileDescriptorProto file)
    {
        var stem = StripProtoExtension(BaseName(file.Name));
        var result = new StringBuilder(stem.Length);
        foreach (var token in stem.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            result.Append(char.ToUpperInvariant(token[0])).Append(token, 1, token.Length - 1);
        }

        return result + "Grpc.cs";
    }

    /// <summary>A fully qualified <c>global::</c> name; each segment of <paramref name="ns"/> and <paramref name="dottedName"/> is keyword-escaped.</summary>
    public static string Qualify(string ns, string dottedName)
    {
        var result = new StringBuilder("global::");
        foreach (var segment in ns.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            result.Append(Escape(segment)).Append('.');
        }

        result.Append(string.Join('.', dottedName.Split('.').Select(Escape)));
        return result.ToString();
    }

    /// <summary>Prefixes C# keywords with <c>@</c> so that proto names like <c>lock</c> or <c>event</c> stay valid identifiers.</summary>
    public static string Escape(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>protoc's C# casing rule: separators are dropped and the next letter (also after a digit) is capitalized.</summary>
    public static string UnderscoresToCamelCase(string input, bool capitalizeNext, bool preservePeriod = false)
    {
        var result = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capitalizeNext ? (char)(c - 'a' + 'A') : c);
                capitalizeNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(i == 0 && !capitalizeNext ? (char)(c - 'A' + 'a') : c);
                capitalizeNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (c == '.' && preservePeriod)
                {
                    result.Append('.');
                }
            }
        }

        if (input.EndsWith('#'))
        {
            result.Append('_');
        }

        return result.ToString();
    }

    private static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string StripProtoExtension(string name)
    {
        foreach (var extension in (ReadOnlySpan<string>)[".protodevel", ".proto"])
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
