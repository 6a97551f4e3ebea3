using Ego.Proto.Format.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Format;

/// <summary>
/// Canonical .proto formatting: two-space indentation, syntax/package/sorted imports/sorted options first,
/// one blank line between top-level definitions, comments kept in place. Idempotent.
/// </summary>
public static class ProtoFormatter
{
    /// <summary>Formats <paramref name="text"/>; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="ProtoSyntaxException">The text does not parse.</exception>
    public static string Format(string text, string path) => Format(ProtoParser.Parse(text, path));

    /// <summary>Prints a parsed file in canonical form.</summary>
    public static string Format(ProtoFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new ProtoPrinter().Print(file);
    }
}
