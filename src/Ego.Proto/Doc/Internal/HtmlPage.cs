using System.Globalization;
using System.Net;
using System.Text;
using Ego.Proto.Breaking.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Doc.Internal;

/// <summary>
/// One self-contained HTML page for a package (inline CSS, no scripts or external assets, all text escaped): services with
/// their rpcs' request and response field tables, messages, enums and error codes.
/// </summary>
internal sealed class HtmlPage(string package, IReadOnlyList<ProtoFile> files, IReadOnlyList<ProtoFile> allFiles)
{
    private readonly StringBuilder _sb = new();
    private readonly SymbolTable _symbols = SymbolTable.Build(allFiles);

    public string Render()
    {
        var title = package.Length == 0 ? "(no package)" : package;
        var services = files.SelectMany(f => f.Services).ToList();
        var messages = _symbols.Messages.Values.Where(m => files.Contains(m.File)).OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
        var enums = _symbols.Enums.Values.Where(e => files.Contains(e.File)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var errors = ErrorCodeReader.Read(files);

        _sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(E(title)).Append(" API</title>\n<style>\n").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Package <code>").Append(E(title)).Append("</code></h1>\n");
        Contents(services, messages.Count > 0, enums.Count > 0, errors.Count > 0);
        foreach (var service in services)
        {
            Service(service);
        }

        if (messages.Count > 0)
        {
            _sb.Append("<section id=\"messages\">\n<h2>Messages</h2>\n");
            foreach (var message in messages)
            {
                _sb.Append("<section class=\"message\" id=\"").Append(E(Anchor(message.FullName))).Append("\">\n<h3>").Append(E(Local(message.FullName))).Append("</h3>\n");
                Description(message.Element.Comments.Leading?.Content);
                Fields(message.Element, message.FullName, withNumbers: true);
                _sb.Append("</section>\n");
            }

            _sb.Append("</section>\n");
        }

        if (enums.Count > 0)
        {
            _sb.Append("<section id=\"enums\">\n<h2>Enums</h2>\n");
            foreach (var e in enums)
            {
                _sb.Append("<section class=\"enum\" id=\"").Append(E(Anchor(e.FullName))).Append("\">\n<h3>").Append(E(Local(e.FullName))).Append("</h3>\n");
                Description(ErrorCodeReader.Text(e.Element));
                Table(["Name", "Number", "Description"], e.Element.Values.Select(v => Row(Code(v.Name), E(v.Number.ToString(CultureInfo.InvariantCulture)), E(ErrorCodeReader.Text(v)))));
                _sb.Append("</section>\n");
            }

            _sb.Append("</section>\n");
        }

        if (errors.Count > 0)
        {
            ErrorCodes(errors);
        }

        return _sb.Append("</body>\n</html>\n").ToString();
    }

    private void Contents(List<ProtoService> services, bool messages, bool enums, bool errors)
    {
        _sb.Append("<nav>\n<ul>\n");
        foreach (var service in services)
        {
            _sb.Append("<li><a href=\"#").Append(E(Anchor(Qualified(service.Name)))).Append("\">").Append(E(service.Name)).Append("</a>\n<ul>\n");
            foreach (var rpc in service.Rpcs)
            {
                _sb.Append("<li><a href=\"#").Append(E(Anchor(Qualified(service.Name) + "." + rpc.Name))).Append("\">").Append(E(rpc.Name)).Append("</a></li>\n");
            }

            _sb.Append("</ul></li>\n");
        }

        foreach (var (present, id, text) in new[] { (messages, "messages", "Messages"), (enums, "enums", "Enums"), (errors, "errors", "Error codes") })
        {
            if (present)
            {
                _sb.Append("<li><a href=\"#").Append(id).Append("\">").Append(text).Append("</a></li>\n");
            }
        }

        _sb.Append("</ul>\n</nav>\n");
    }

    private void Service(ProtoService service)
    {
        var name = Qualified(service.Name);
        _sb.Append("<section class=\"service\" id=\"").Append(E(Anchor(name))).Append("\">\n<h2>Service ").Append(E(service.Name)).Append("</h2>\n");
        Description(service.Comments.Leading?.Content);
        foreach (var rpc in service.Rpcs)
        {
            var request = (rpc.RequestStream ? "stream " : "") + rpc.RequestType;
            var response = (rpc.ResponseStream ? "stream " : "") + rpc.ResponseType;
            _sb.Append("<section class=\"rpc\" id=\"").Append(E(Anchor(name + "." + rpc.Name))).Append("\">\n<h3>").Append(E(rpc.Name)).Append("</h3>\n")
                .Append("<pre class=\"signature\">rpc ").Append(E(rpc.Name)).Append('(').Append(E(request)).Append(") returns (").Append(E(response)).Append(")</pre>\n");
            Description(rpc.Comments.Leading?.Content);
            RpcType("Request", rpc.RequestType);
            RpcType("Response", rpc.ResponseType);
            _sb.Append("</section>\n");
        }

        _sb.Append("</section>\n");
    }

    private void RpcType(string title, string type)
    {
        var name = _symbols.Resolve(type, package);
        _sb.Append("<h4 class=\"").Append(title.ToLowerInvariant()).Append("\">").Append(title).Append(' ').Append(TypeLink(name)).Append("</h4>\n");
        if (_symbols.Messages.TryGetValue(name, out var message))
        {
            Fields(message.Element, name, withNumbers: false);
        }
    }

    private void Fields(ProtoMessage message, string scope, bool withNumbers)
    {
        var fields = message.AllFields().ToList();
        if (fields.Count == 0)
        {
            _sb.Append("<p class=\"empty\">No fields.</p>\n");
            return;
        }

        string[] headers = withNumbers ? ["Name", "Number", "Type", "Description"] : ["Name", "Type", "Description"];
        Table(headers, fields.Select(f =>
        {
            var (field, oneof) = f;
            var label = field.Label is FieldLabel.None ? "" : field.Label.ToString().ToLowerInvariant() + " ";
            var type = field.IsMap
                ? $"map&lt;{E(field.MapKeyType!)}, {TypeLink(_symbols.Resolve(field.Type, scope))}&gt;"
                : TypeLink(_symbols.Resolve(field.Type, scope));
            var description = E(field.Comments.Leading?.Content ?? field.Comments.Trailing?.Content ?? "");
            if (oneof is not null)
            {
                description = $"<span class=\"oneof\">oneof {E(oneof.Name)}</span> {description}".TrimEnd();
            }

            var number = E(field.Number.ToString(CultureInfo.InvariantCulture));
            return withNumbers ? Row(Code(field.Name), number, E(label) + type, description) : Row(Code(field.Name), E(label) + type, description);
        }));
    }

    private void ErrorCodes(IReadOnlyList<ErrorCodeRow> errors)
    {
        _sb.Append("<section id=\"errors\">\n<h2>Error codes</h2>\n");
        Table(["Reason", "gRPC code", "HTTP status", "Business code", "Description"], errors.Select(e => Row(
            Code(e.Reason),
            e.CodeName is null ? "" : $"{Code(e.CodeName)} {E(e.Code?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)")}",
            E(e.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? ""),
            E(e.BusinessCode?.ToString(CultureInfo.InvariantCulture) ?? ""),
            E(e.Description))));
        _sb.Append("</section>\n");
    }

    private void Table(string[] headers, IEnumerable<string> rows)
    {
        _sb.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            _sb.Append("<th>").Append(E(header)).Append("</th>");
        }

        _sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _sb.Append(row);
        }

        _sb.Append("</tbody>\n</table>\n");
    }

    private static string Row(params string[] cells) => "<tr>" + string.Concat(cells.Select(c => "<td>" + c + "</td>")) + "</tr>\n";

    private void Description(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _sb.Append("<p class=\"description\">").Append(E(text)).Append("</p>\n");
        }
    }

    // Messages and enums of any page link to their section; scalars and unknown types are plain code.
    private string TypeLink(string fullName)
    {
        var known = _symbols.Messages.TryGetValue(fullName, out var message) ? message.File : _symbols.Enums.TryGetValue(fullName, out var e) ? e.File : null;
        if (known is null)
        {
            return Code(fullName);
        }

        var page = known.PackageName == package ? "" : (known.PackageName.Length == 0 ? "default" : known.PackageName) + ".html";
        return $"<a href=\"{E(page)}#{E(Anchor(fullName))}\">{Code(Local(fullName))}</a>";
    }

    private string Qualified(string name) => package.Length == 0 ? name : package + "." + name;

    private string Local(string fullName) => package.Length > 0 && fullName.StartsWith(package + ".", StringComparison.Ordinal)
        ? fullName[(package.Length + 1)..] : fullName;

    private static string Anchor(string fullName) => "t-" + fullName;

    private static string Code(string text) => "<code>" + E(text) + "</code>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
