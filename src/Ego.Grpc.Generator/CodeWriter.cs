using System.Text;

namespace Ego.Grpc.Generator;

/// <summary>Builds C# source text with two-space indentation and '\n' line endings on every platform.</summary>
internal sealed class CodeWriter
{
    private const string IndentUnit = "  ";
    private readonly StringBuilder _text = new();
    private int _depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> followed by an opening brace and indents until <see cref="Close"/>.</summary>
    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Close() called without a matching Open().");
        }

        _depth--;
        return Line("}" + suffix);
    }

    public CodeWriter Indent()
    {
        _depth++;
        return this;
    }

    public CodeWriter Outdent()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Outdent() called without a matching Indent().");
        }

        _depth--;
        return this;
    }

    public override string ToString() => _text.ToString();
}
