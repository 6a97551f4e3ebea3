using System.Text;
using Ego.Proto.Syntax;

namespace Ego.Cli.Gen;

/// <summary>The C# names protoc gives to a proto file's namespace and message types.</summary>
internal static class ProtoCSharpNames
{
    /// <summary><c>option csharp_namespace</c>, else the package with each segment PascalCased as protoc does ("order_api.v1beta1" → "OrderApi.V1Beta1").</summary>
    public static string Namespace(ProtoFile file)
    {
        var option = file.Options.FirstOrDefault(o => o.Name == "csharp_namespace");
        if (option is not null)
        {
            return option.Value.StringValue ?? option.Value.Text.Trim('"');
        }

        return string.Join('.', file.PackageName.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Pascal));
    }

    /// <summary>A request or response type as C# code in the file's namespace: well-known types, other packages and nested messages qualified.</summary>
    public static string Type(string protoType, ProtoFile file, IReadOnlyList<ProtoFile> files)
    {
        var name = protoType.TrimStart('.');
        if (name.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            return "Google.Protobuf.WellKnownTypes." + name["google.protobuf.".Length..];
        }

        foreach (var other in files.Where(f => f.PackageName.Length > 0).OrderByDescending(f => f.PackageName.Length))
        {
            if (name.StartsWith(other.PackageName + ".", StringComparison.Ordinal))
            {
                var local = Nested(name[(other.PackageName.Length + 1)..]);
                return other.PackageName == file.PackageName ? local : "global::" + Namespace(other) + "." + local;
            }
        }

        return Nested(name);
    }

    private static string Nested(string name) => name.Replace(".", ".Types.", StringComparison.Ordinal);

    private static string Pascal(string segment)
    {
        var text = new StringBuilder();
        var capitalizeNext = true;
        foreach (var c in segment)
        {
            if (c == '_')
            {
                capitalizeNext = true;
            }
            else if (char.IsDigit(c))
            {
                text.Append(c);
                capitalizeNext = true;
            }
            else
            {
                text.Append(capitalizeNext ? char.ToUpperInvariant(c) : c);
                capitalizeNext = false;
            }
        }

        return text.ToString();
    }
}
