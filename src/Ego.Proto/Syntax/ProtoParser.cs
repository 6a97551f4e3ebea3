using Ego.Proto.Syntax.Internal;

namespace Ego.Proto.Syntax;

/// <summary>Parses .proto source (proto3, proto2 basics, editions syntax) into a <see cref="ProtoFile"/>.</summary>
public static class ProtoParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="ProtoSyntaxException">The text is not valid .proto syntax.</exception>
    public static ProtoFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return Parser.Parse(text, path);
    }

    /// <summary>Parses without throwing on syntax errors; the error is returned as a <c>SYNTAX</c> diagnostic.</summary>
    public static bool TryParse(string text, string path, out ProtoFile? file, out ProtoDiagnostic? error)
    {
        try
        {
            file = Parse(text, path);
            error = null;
            return true;
        }
        catch (ProtoSyntaxException ex)
        {
            file = null;
            error = ex.ToDiagnostic();
            return false;
        }
    }
}
