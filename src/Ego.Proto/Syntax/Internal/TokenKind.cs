namespace Ego.Proto.Syntax.Internal;

internal enum TokenKind
{
    Identifier,
    Integer,
    Float,
    String,
    Symbol,
    EndOfFile,
}
