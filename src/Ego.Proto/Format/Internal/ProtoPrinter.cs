using System.Text;
using Ego.Proto.Syntax;

namespace Ego.Proto.Format.Internal;

/// <summary>Writes an AST back as canonical text.</summary>
internal sealed partial class ProtoPrinter
{
    private readonly StringBuilder _sb = new();

    public string Print(ProtoFile file)
    {
        var sections = new List<List<ProtoElement>>();
        if (file.SyntaxDeclaration is not null)
        {
            sections.Add([file.SyntaxDeclaration]);
        }

        if (file.Package is not null)
        {
            sections.Add([file.Package]);
        }

        if (file.Imports.Count > 0)
        {
            sections.Add([.. file.Imports.OrderBy(i => i.Path, StringComparer.Ordinal).ThenBy(i => i.Modifier)]);
        }

        if (file.Options.Count > 0)
        {
            sections.Add([.. file.Options.OrderBy(o => o.Name.StartsWith('(')).ThenBy(o => o.Name, StringComparer.Ordinal)]);
        }

        sections.AddRange(file.Definitions.Select(d => new List<ProtoElement> { d }));
        for (var i = 0; i < sections.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append('\n');
            }

            foreach (var element in sections[i])
            {
                WriteElement(element, 0, allowBlankLine: false);
            }
        }

        if (file.EndComments.Count > 0)
        {
            if (sections.Count > 0)
            {
                _sb.Append('\n');
            }

            WriteCommentGroups(file.EndComments, "");
        }

        return _sb.ToString();
    }

    private static string Indent(int depth) => new(' ', depth * 2);

    private void WriteComment(ProtoComment comment, string indent)
    {
        if (comment.Style == CommentStyle.Block)
        {
            _sb.Append(indent).Append("/*").Append(comment.Text).Append("*/\n");
            return;
        }

        foreach (var line in comment.Text.Split('\n'))
        {
            _sb.Append(indent).Append("//").Append(line).Append('\n');
        }
    }

    /// <summary>Writes separate comment groups with a blank line between them so they stay separate.</summary>
    private void WriteCommentGroups(IReadOnlyList<ProtoComment> comments, string indent)
    {
        for (var i = 0; i < comments.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append('\n');
            }

            WriteComment(comments[i], indent);
        }
    }

    private static string Inline(ProtoComment? comment) => comment is null ? ""
        : comment.Style == CommentStyle.Block ? " /*" + comment.Text + "*/" : " //" + comment.Text;

    private void WriteHead(ProtoElement element, int depth, bool allowBlankLine)
    {
        if (allowBlankLine && element.BlankLineBefore)
        {
            _sb.Append('\n');
        }

        var indent = Indent(depth);
        foreach (var detached in element.Comments.Detached)
        {
            WriteComment(detached, indent);
            _sb.Append('\n');
        }

        if (element.Comments.Leading is not null)
        {
            WriteComment(element.Comments.Leading, indent);
        }

        _sb.Append(indent);
    }

    /// <summary>Writes a one-line statement (text without the semicolon) and its trailing comment.</summary>
    private void WriteStatement(ProtoElement element, int depth, bool allowBlankLine, string text)
    {
        WriteHead(element, depth, allowBlankLine);
        _sb.Append(text).Append(';').Append(Inline(element.Comments.Trailing)).Append('\n');
    }

    private void WriteBlock(ProtoElement element, int depth, bool allowBlankLine, string header, IReadOnlyList<ProtoElement> body)
    {
        WriteHead(element, depth, allowBlankLine);
        var comments = element.Comments;
        if (body.Count == 0 && comments.Inner.Count == 0 && comments.Trailing is null)
        {
            _sb.Append(header).Append(" {}").Append(Inline(comments.Closing)).Append('\n');
            return;
        }

        _sb.Append(header).Append(" {").Append(Inline(comments.Trailing)).Append('\n');
        for (var i = 0; i < body.Count; i++)
        {
            WriteElement(body[i], depth + 1, allowBlankLine: i > 0);
        }

        if (comments.Inner.Count > 0)
        {
            if (body.Count > 0)
            {
                _sb.Append('\n');
            }

            WriteCommentGroups(comments.Inner, Indent(depth + 1));
        }

        _sb.Append(Indent(depth)).Append('}').Append(Inline(comments.Closing)).Append('\n');
    }
}
