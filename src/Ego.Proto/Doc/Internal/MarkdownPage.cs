using System.Globalization;
using System.Text;
using Ego.Proto.Breaking.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Doc.Internal;

/// <summary>Markdown for one package: services with their rpcs' request and response fields, then messages, enums and error codes.</summary>
internal sealed class MarkdownPage(string package, IReadOnlyList<ProtoFile> files, IReadOnlyList<ProtoFile> allFiles)
{
    private readonly StringBuilder _sb = new();
    private readonly SymbolTable _symbols = SymbolTable.Build(allFiles);

    public string Render()
    {
        _sb.Append("# Package `").Append(package.Length == 0 ? "(none)" : package).Append("`\n");
        foreach (var service in files.SelectMany(f => f.Services))
        {
            WriteService(service);
        }

        var messages = _symbols.Messages.Values.Where(m => files.Contains(m.File)).OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
        if (messages.Count > 0)
        {
            _sb.Append("\n## Messages\n");
            foreach (var message in messages)
            {
                _sb.Append("\n### ").Append(Local(message.FullName)).Append('\n');
                Description(message.Element);
                Fields(message.Element, message.FullName);
            }
        }

        var enums = _symbols.Enums.Values.Where(e => files.Contains(e.File)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        if (enums.Count > 0)
        {
            _sb.Append("\n## Enums\n");
            foreach (var e in enums)
            {
                _sb.Append("\n### ").Append(Local(e.FullName)).Append('\n');
                Description(e.Element);
                _sb.Append("\n| Name | Number | Description |\n| --- | --- | --- |\n");
                foreach (var value in e.Element.Values)
                {
                    _sb.Append($"| `{value.Name}` | {value.Number} | {Cell(value)} |\n");
                }
            }
        }

        var errors = ErrorCodeReader.Read(files);
        if (errors.Count > 0)
        {
            _sb.Append("\n## Error codes\n\n| Reason | gRPC code | HTTP status | Business code | Description |\n| --- | --- | --- | --- | --- |\n");
            foreach (var e in errors)
            {
                var code = e.CodeName is null ? "" : $"`{e.CodeName}` {e.Code?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)"}";
                _sb.Append($"| `{e.Reason}` | {code} | {e.HttpStatus?.ToString(CultureInfo.InvariantCulture)} | {e.BusinessCode?.ToString(CultureInfo.InvariantCulture)} | {Escape(e.Description)} |\n");
            }
        }

        return _sb.ToString();
    }

    private string Local(string fullName) => package.Length > 0 && fullName.StartsWith(package + ".", StringComparison.Ordinal)
        ? fullName[(package.Length + 1)..] : fullName;

    private void WriteService(ProtoService service)
    {
        _sb.Append("\n## Service ").Append(service.Name).Append('\n');
        Description(service);
        foreach (var rpc in service.Rpcs)
        {
            var request = (rpc.RequestStream ? "stream " : "") + rpc.RequestType;
            var response = (rpc.ResponseStream ? "stream " : "") + rpc.ResponseType;
            _sb.Append("\n### ").Append(rpc.Name).Append("\n\n`").Append(rpc.Name).Append('(').Append(request)
                .Append(") returns (").Append(response).Append(")`\n");
            Description(rpc);
            RpcType("Request", rpc.RequestType);
            RpcType("Response", rpc.ResponseType);
        }
    }

    private void RpcType(string title, string type)
    {
        var name = _symbols.Resolve(type, package);
        _sb.Append("\n**").Append(title).Append("** `").Append(Local(name)).Append("`\n");
        if (_symbols.Messages.TryGetValue(name, out var message))
        {
            Fields(message.Element, name);
        }
    }

    private void Fields(ProtoMessage message, string scope)
    {
        var fields = message.AllFields().ToList();
        if (fields.Count == 0)
        {
            _sb.Append("\nNo fields.\n");
            return;
        }

        _sb.Append("\n| Field | Number | Type | Description |\n| --- | --- | --- | --- |\n");
        foreach (var (field, oneof) in fields)
        {
            var label = field.Label is FieldLabel.None ? "" : field.Label.ToString().ToLowerInvariant() + " ";
            var type = field.IsMap ? $"map<{field.MapKeyType}, {Local(_symbols.Resolve(field.Type, scope))}>" : Local(_symbols.Resolve(field.Type, scope));
            var description = Cell(field);
            if (oneof is not null)
            {
                description = $"(oneof `{oneof.Name}`) {description}".TrimEnd();
            }

            _sb.Append($"| `{field.Name}` | {field.Number} | `{label}{type}` | {description} |\n");
        }
    }

    private void Description(ProtoElement element)
    {
        var text = element.Comments.Leading?.Content;
        if (!string.IsNullOrEmpty(text))
        {
            _sb.Append('\n').Append(text).Append('\n');
        }
    }

    private static string Cell(ProtoElement element) => Escape(element.Comments.Leading?.Content ?? element.Comments.Trailing?.Content ?? "");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
