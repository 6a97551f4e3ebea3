using Ego.Proto.Syntax;

namespace Ego.Proto.Breaking.Internal;

/// <summary>Fully-qualified names of every message, enum and service of one side, and type-name resolution.</summary>
internal sealed class SymbolTable
{
    public Dictionary<string, Located<ProtoMessage>> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Located<ProtoEnum>> Enums { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Located<ProtoService>> Services { get; } = new(StringComparer.Ordinal);

    public static SymbolTable Build(IReadOnlyList<ProtoFile> files)
    {
        var table = new SymbolTable();
        foreach (var file in files)
        {
            foreach (var definition in file.Definitions)
            {
                table.Add(file, file.PackageName, definition);
            }
        }

        return table;
    }

    private static string Join(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    private void Add(ProtoFile file, string scope, ProtoElement element)
    {
        switch (element)
        {
            case ProtoMessage m:
                var name = Join(scope, m.Name);
                Messages.TryAdd(name, new Located<ProtoMessage>(m, file, name));
                foreach (var child in m.Body)
                {
                    Add(file, name, child);
                }

                break;
            case ProtoEnum e:
                Enums.TryAdd(Join(scope, e.Name), new Located<ProtoEnum>(e, file, Join(scope, e.Name)));
                break;
            case ProtoService s:
                Services.TryAdd(Join(scope, s.Name), new Located<ProtoService>(s, file, Join(scope, s.Name)));
                break;
        }
    }

    /// <summary>Resolves a type reference from inside <paramref name="scope"/> the way protoc searches scopes outward.</summary>
    public string Resolve(string type, string scope)
    {
        if (type.StartsWith('.'))
        {
            return type[1..];
        }

        while (true)
        {
            var candidate = Join(scope, type);
            if (Messages.ContainsKey(candidate) || Enums.ContainsKey(candidate))
            {
                return candidate;
            }

            if (scope.Length == 0)
            {
                return type;
            }

            var dot = scope.LastIndexOf('.');
            scope = dot < 0 ? "" : scope[..dot];
        }
    }
}
